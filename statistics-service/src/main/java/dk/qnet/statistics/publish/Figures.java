package dk.qnet.statistics.publish;

import dk.qnet.contracts.activity.CourseTheme;
import dk.qnet.contracts.referral.SenderType;
import dk.qnet.platform.persistence.SqlValues;
import dk.qnet.platform.problem.ProblemException;
import dk.qnet.platform.time.SuiteClock;
import dk.qnet.statistics.StatisticsConfig;
import dk.qnet.statistics.aggregate.Measures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the monthly aggregates of one measure and one year into a suppressed cube, and answers
 * a filter from it. Only a year's rows are read, and a stock's opening level from one row per
 * earlier year, so the cost of a question hardly grows with the years behind it; and the cube is
 * kept ({@link PublishedCache}) until an event changes the aggregates.
 */
@ApplicationScoped
public class Figures {

    /** A published figure: the number, or null when hidden; what a reader sees; whether it is hidden. */
    public record Figure(Long value, String display, boolean suppressed) {
    }

    public record MonthFigure(String month, Figure figure) {
    }

    public record Row(String key, Figure figure) {
    }

    /**
     * A median and 90th percentile in days. Each is published only where at least the threshold of
     * cases lie on each side of it (below its rank and above it), so no published percentile is
     * one woman's own figure; otherwise it is null. {@code published} tells whether the median is.
     */
    public record Spread(Integer median, Integer p90, boolean published) {
    }

    /** Marks every hidden cell, small or hidden to protect a small one: the same symbol for both. */
    public static final String HIDDEN = "x";

    private final EntityManager em;
    private final PublishedCache kept;
    private final int threshold;
    private final ZoneId zone;
    private final SuiteClock clock;

    public Figures(EntityManager em, PublishedCache kept, StatisticsConfig config, SuiteClock clock) {
        this.em = em;
        this.kept = kept;
        this.threshold = config.suppressionThreshold();
        this.zone = ZoneId.of(config.zone());
        this.clock = clock;
    }

    private volatile Integer firstYear;
    private volatile long firstYearReadAt;

    /**
     * Refuses a year outside those with data (400 naming {@code year}): from the first month any
     * figure counts up to this year. Nobody can make the service compute cubes of empty years.
     */
    public void requireYearWithData(int year) {
        int current = today().getYear();
        int first = Math.min(firstYearWithData(60).orElse(current), current);
        if (year < first && year <= current) {
            // Older data may have arrived since the last look: look again, at most once a second.
            first = Math.min(firstYearWithData(1).orElse(current), current);
        }
        if (year < first || year > current) {
            throw dk.qnet.platform.problem.ProblemException.invalid("year", first == current
                    ? "must be " + current + ", the only year with data" : "must be from " + first + " to " + current + ", the years with data");
        }
    }

    /** The first year any figure counts, read again when the last reading is older than {@code maxAgeSeconds}. */
    @Transactional
    public java.util.Optional<Integer> firstYearWithData(int maxAgeSeconds) {
        long now = System.nanoTime();
        if (firstYear == null || now - firstYearReadAt > maxAgeSeconds * 1_000_000_000L) {
            Object first = em.createNativeQuery("select min(m) from (select min(month) m from monthly_count"
                    + " union all select min(month) from monthly_histogram) t").getSingleResult();
            firstYear = first == null ? -1 : dk.qnet.platform.persistence.SqlValues.localDate(first).getYear();
            firstYearReadAt = now;
        }
        return firstYear < 0 ? java.util.Optional.empty() : java.util.Optional.of(firstYear);
    }

    public int threshold() {
        return threshold;
    }

    /** The suppressed cube of a count measure (third dimension: source) for a year. */
    @Transactional
    public Cube cube(String measure, int year) {
        return kept.get(List.of("cube", measure, year), () -> computeCube(measure, year));
    }

    private Cube computeCube(String measure, int year) {
        if (Measures.isDistinct(measure)) {
            return computeDistinct(measure, year);
        }
        boolean stock = Measures.isStock(measure);
        Dimension time = time(stock);
        Map<String, String> networks = networks();
        boolean rejections = measure.equals(Measures.REJECTED);
        // The rejections are read by reason, source by source: one table with their totals (see rejectionDimension).
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(rejections ? """
                select month, network_id, region_code, source, value, substr(measure, ?1) from monthly_count
                where measure like 'referrals.rejected.%' and month >= ?2 and month < ?3
                """ : """
                select month, network_id, region_code, source, value, cast(null as text) from monthly_count
                where measure = ?1 and month >= ?2 and month < ?3
                """).setParameter(1, rejections ? (Object) (Measures.REJECTED_BECAUSE.length() + 1) : measure)
                .setParameter(2, LocalDate.of(year, 1, 1)).setParameter(3, LocalDate.of(year + 1, 1, 1))
                .getResultList();
        List<Object[]> opening = List.of();
        if (stock) {
            @SuppressWarnings("unchecked")
            List<Object[]> before = em.createNativeQuery("""
                    select network_id, region_code, source, sum(value) from yearly_delta
                    where measure = ?1 and year < ?2 group by network_id, region_code, source
                    """).setParameter(1, measure).setParameter(2, year).getResultList();
            opening = before;
        }
        // The third dimension: referral sources, or for course figures the course themes; every code is a line, shown or not.
        TreeSet<String> sources = new TreeSet<>();
        for (Enum<?> code : Measures.isCourse(measure) ? CourseTheme.values() : SenderType.values()) {
            sources.add(code.name());
        }
        rows.forEach(r -> {
            networks.putIfAbsent((String) r[1], (String) r[2]);
            sources.add((String) r[3]);
        });
        opening.forEach(r -> {
            networks.putIfAbsent((String) r[0], (String) r[1]);
            sources.add((String) r[2]);
        });
        Dimension geo = geography(networks);
        Dimension source;
        if (rejections) {
            TreeSet<String> reasons = new TreeSet<>();
            rows.forEach(r -> reasons.add((String) r[5]));
            source = rejectionDimension(sources, reasons);
        } else {
            source = new Dimension();
            int all = source.add("ALL", -1);
            sources.forEach(s -> source.add(s, all));
        }

        Cube cube = new Cube(time, geo, source, new boolean[] {!stock, true, true});
        if (stock) {
            // A stock's level at the end of each month: what it was before the year, plus the changes up to that month.
            long[][][] delta = new long[13][geo.size()][source.size()];
            for (Object[] r : opening) {
                delta[0][leaf(geo, (String) r[0])][source.find((String) r[2]).orElseThrow()] += ((Number) r[3]).longValue();
            }
            for (Object[] r : rows) {
                int m = SqlValues.localDate(r[0]).getMonthValue();
                delta[m][leaf(geo, (String) r[1])][source.find((String) r[3]).orElseThrow()] += ((Number) r[4]).longValue();
            }
            for (int g = 0; g < geo.size(); g++) {
                for (int s = 0; s < source.size(); s++) {
                    long level = delta[0][g][s];
                    for (int m = 1; m <= 12; m++) {
                        level += delta[m][g][s];
                        if (level != 0) {
                            cube.addLeaf(m - 1, g, s, level);
                        }
                    }
                }
            }
        } else {
            for (Object[] r : rows) {
                int m = SqlValues.localDate(r[0]).getMonthValue();
                String third = rejections ? sourceReasonKey((String) r[3], (String) r[5]) : (String) r[3];
                cube.addLeaf(monthNode(time, m), leaf(geo, (String) r[1]), source.find(third).orElseThrow(), ((Number) r[4]).longValue());
            }
        }
        cube.rollUp();
        // Networks are organisations, not people: their count needs no protection.
        cube.suppress(measure.equals(Measures.NETWORKS_ACTIVE) ? 1 : threshold);
        return cube;
    }

    /**
     * People supported in each period of the year (the year, each quarter, each month), each
     * counted once in it: a woman with a match active on any day of the period, with her children
     * (by number, as her referral gave them), or a volunteer in such a match; or a network active on
     * any day of it. A period's count is
     * not the sum of its months (a woman in March and April is one woman in the quarter), so time
     * is no total here (the audit knows that a period holds at least as many as each of its parts
     * and at most their sum); a network's, a region's and the country's are (a woman belongs to one
     * network; a volunteer is counted in the network of each match).
     */
    private Cube computeDistinct(String measure, int year) {
        Dimension time = new Dimension();
        StringBuilder periods = new StringBuilder();
        int whole = addPeriod(time, periods, "YEAR", -1, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        for (int q = 1; q <= 4; q++) {
            LocalDate first = LocalDate.of(year, q * 3 - 2, 1);
            int quarter = addPeriod(time, periods, "Q" + q, whole, first, first.plusMonths(3).minusDays(1));
            for (int m = q * 3 - 2; m <= q * 3; m++) {
                LocalDate day = LocalDate.of(year, m, 1);
                addPeriod(time, periods, String.format("M%02d", m), quarter, day, day.plusMonths(1).minusDays(1));
            }
        }
        boolean people = measure.equals(Measures.PEOPLE_SUPPORTED);
        boolean networksActive = measure.equals(Measures.NETWORKS_ENGAGED);
        // The periods are made here from the year (an int), never from what a caller sent.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery((networksActive ? """
                select p.node, n.network_id, n.region_code, count(distinct n.network_id), 0
                from (values %s) as p(node, first_day, last_day)
                join network_period n on n.active_from <= p.last_day and (n.active_until is null or n.active_until >= p.first_day)
                group by p.node, n.network_id, n.region_code
                """ : people ? """
                select node, network_id, region_code, count(*), sum(children) from (
                    select distinct p.node, m.subject_key, m.network_id, m.region_code, m.children
                    from (values %s) as p(node, first_day, last_day)
                    join match_period m on m.started_on <= p.last_day and (m.ended_on is null or m.ended_on >= p.first_day)
                ) d group by node, network_id, region_code
                """ : """
                select p.node, m.network_id, m.region_code, count(distinct m.volunteer_key), 0
                from (values %s) as p(node, first_day, last_day)
                join match_period m on m.started_on <= p.last_day and (m.ended_on is null or m.ended_on >= p.first_day)
                where m.volunteer_key is not null
                group by p.node, m.network_id, m.region_code
                """).formatted(periods)).getResultList();
        Map<String, String> networks = networks();
        rows.forEach(r -> networks.putIfAbsent((String) r[1], (String) r[2]));
        Dimension geo = geography(networks);
        Dimension kind = new Dimension();
        int all = kind.add("ALL", -1);
        int women = people ? kind.add("WOMEN", all) : all;
        int children = people ? kind.add("CHILDREN", all) : all;
        // A period holds each person once: at least as many as any of its parts, at most their sum (what the audit knows).
        Cube cube = new Cube(time, geo, kind, new boolean[] {false, true, true}).distinctAlong(0);
        for (Object[] r : rows) {
            int t = ((Number) r[0]).intValue();
            int g = leaf(geo, (String) r[1]);
            cube.addLeaf(t, g, women, ((Number) r[3]).longValue());
            if (people) {
                cube.addLeaf(t, g, children, ((Number) r[4]).longValue());
            }
        }
        cube.rollUp();
        // Networks are organisations, not people: their count needs no protection.
        cube.suppress(networksActive ? 1 : threshold);
        return cube;
    }

    private static int addPeriod(Dimension time, StringBuilder periods, String key, int parent, LocalDate first, LocalDate last) {
        int node = time.add(key, parent);
        periods.append(periods.isEmpty() ? "" : ", ").append("(").append(node).append(", date '").append(first)
                .append("', date '").append(last).append("')");
        return node;
    }

    /** The key of a reason's rejections from every source, in the rejections' third dimension. */
    public static String reasonKey(String reason) {
        return "reason:" + reason;
    }

    /** The reasons in the rejections' cube, in order; none in any other cube. */
    static List<String> reasons(Cube cube) {
        Dimension third = cube.dimension(2);
        List<String> reasons = new ArrayList<>();
        for (int node = 0; node < third.size(); node++) {
            if (third.key(node).startsWith(reasonKey(""))) {
                reasons.add(third.key(node).substring(reasonKey("").length()));
            }
        }
        return reasons;
    }

    /** The key of one source's rejections for one reason. */
    public static String sourceReasonKey(String source, String reason) {
        return source + "|" + reason;
    }

    /**
     * The rejections' third dimension, a lattice: all rejections are the sum of the sources and
     * also the sum of the reasons; each source the sum of its reasons, each reason the sum of its
     * sources. Counted as separate cubes, a reader could subtract the shown reasons from the shown
     * total and get the hidden one; in one table, every such sum is a line that suppression and its
     * audit see.
     */
    static Dimension rejectionDimension(java.util.Collection<String> sources, java.util.Collection<String> reasons) {
        Dimension d = new Dimension();
        int all = d.add("ALL", -1);
        Map<String, List<Integer>> byReason = new TreeMap<>();
        for (String source : sources) {
            int s = d.add(source, all);
            for (String reason : reasons) {
                byReason.computeIfAbsent(reason, x -> new ArrayList<>()).add(d.add(sourceReasonKey(source, reason), s));
            }
        }
        List<Integer> reasonNodes = new ArrayList<>();
        byReason.forEach((reason, parts) -> {
            int r = d.add(reasonKey(reason), -1);
            d.addSum(r, parts);
            reasonNodes.add(r);
        });
        if (!reasonNodes.isEmpty()) {
            d.addSum(all, reasonNodes);
        }
        return d;
    }

    /** The suppressed cube of a rating distribution (third dimension: the rating given). */
    @Transactional
    public Cube distribution(String measure, int year, int minRating, int maxRating) {
        return kept.get(List.of("distribution", measure, year, minRating, maxRating),
                () -> computeDistribution(measure, year, minRating, maxRating));
    }

    private Cube computeDistribution(String measure, int year, int minRating, int maxRating) {
        Dimension time = time(false);
        Map<String, String> networks = networks();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select month, network_id, region_code, bucket, sum(value) from monthly_histogram
                where measure = ?1 and month >= ?2 and month < ?3 group by month, network_id, region_code, bucket
                """).setParameter(1, measure).setParameter(2, LocalDate.of(year, 1, 1)).setParameter(3, LocalDate.of(year + 1, 1, 1))
                .getResultList();
        rows.forEach(r -> networks.putIfAbsent((String) r[1], (String) r[2]));
        Dimension geo = geography(networks);
        Dimension rating = new Dimension();
        int all = rating.add("ALL", -1);
        for (int v = minRating; v <= maxRating; v++) {
            rating.add(Integer.toString(v), all);
        }
        Cube cube = new Cube(time, geo, rating, new boolean[] {true, true, true});
        for (Object[] r : rows) {
            int bucket = ((Number) r[3]).intValue();
            if (bucket >= minRating && bucket <= maxRating) {
                cube.addLeaf(monthNode(time, SqlValues.localDate(r[0]).getMonthValue()), leaf(geo, (String) r[1]),
                        bucket - minRating + 1, ((Number) r[4]).longValue());
            }
        }
        cube.rollUp();
        cube.suppress(threshold);
        return cube;
    }

    /** The figure for a filter: one cell of the cube. */
    public Figure figure(Cube cube, Filter filter, String thirdKey) {
        int t = timeNode(cube, filter);
        int g = geoNode(cube.dimension(1), filter);
        int k = cube.dimension(2).find(thirdKey).orElse(-1);
        if (g < 0 || k < 0) {
            return shown(0);
        }
        return figure(cube, t, g, k);
    }

    public Figure figure(Cube cube, Filter filter) {
        return figure(cube, filter, filter.source() == null ? "ALL" : filter.source());
    }

    /** Each month of the filter's period. */
    public List<MonthFigure> trend(Cube cube, Filter filter) {
        List<MonthFigure> months = new ArrayList<>();
        int g = geoNode(cube.dimension(1), filter);
        int k = cube.dimension(2).find(filter.source() == null ? "ALL" : filter.source()).orElse(-1);
        for (int m : filter.months()) {
            String key = String.format("%d-%02d", filter.year(), m);
            months.add(new MonthFigure(key, g < 0 || k < 0 ? shown(0) : figure(cube, monthNode(cube.dimension(0), m), g, k)));
        }
        return months;
    }

    /** The parts of the filter's cell: the regions of the country, the networks of a region, or the sources. */
    public List<Row> breakdown(Cube cube, Filter filter, String by) {
        int t = timeNode(cube, filter);
        Dimension geo = cube.dimension(1);
        int g = geoNode(geo, filter);
        int k = cube.dimension(2).find(filter.source() == null ? "ALL" : filter.source()).orElse(-1);
        List<Row> rows = new ArrayList<>();
        if (g < 0 || k < 0) {
            return rows;
        }
        switch (by) {
            case "region" -> geo.children(0).forEach(r -> rows.add(new Row(geo.key(r), figure(cube, t, r, k))));
            case "network" -> {
                List<Integer> parents = g == 0 ? geo.children(0) : geo.isLeaf(g) ? List.of(geo.parent(g)) : List.of(g);
                for (int region : parents) {
                    geo.children(region).forEach(n -> rows.add(new Row(geo.key(n), figure(cube, t, n, k))));
                }
            }
            case "source", "theme" -> cube.dimension(2).children(0).forEach(s -> rows.add(new Row(cube.dimension(2).key(s), figure(cube, t, g, s))));
            case "reason" -> {
                Dimension third = cube.dimension(2);
                for (String reason : reasons(cube)) {
                    int r = third.find(filter.source() == null ? reasonKey(reason) : sourceReasonKey(filter.source(), reason)).orElse(-1);
                    rows.add(new Row(reason, r < 0 ? shown(0) : figure(cube, t, g, r)));
                }
            }
            default -> throw ProblemException.invalid("by", "must be region, network, source, (for course figures) theme or (for referralsRejected) reason");
        }
        return rows;
    }

    /** The median and 90th percentile of a distribution over the filter, on at least the threshold of cases. */
    @Transactional
    public Spread spread(String measure, Filter filter) {
        return kept.get(List.of("spread", measure, filter), () -> computeSpread(measure, filter));
    }

    private Spread computeSpread(String measure, Filter filter) {
        List<Integer> months = filter.months();
        StringBuilder sql = new StringBuilder("""
                select bucket, sum(value) from monthly_histogram
                where measure = :measure and month >= :first and month <= :last""");
        if (filter.region() != null) {
            sql.append(" and region_code = :region");
        }
        if (filter.network() != null) {
            sql.append(" and network_id = :network");
        }
        if (filter.source() != null) {
            sql.append(" and source = :source");
        }
        sql.append(" group by bucket order by bucket");
        var query = em.createNativeQuery(sql.toString()).setParameter("measure", measure)
                .setParameter("first", LocalDate.of(filter.year(), months.get(0), 1))
                .setParameter("last", LocalDate.of(filter.year(), months.get(months.size() - 1), 1));
        if (filter.region() != null) {
            query.setParameter("region", filter.region());
        }
        if (filter.network() != null) {
            query.setParameter("network", filter.network());
        }
        if (filter.source() != null) {
            query.setParameter("source", filter.source());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        TreeMap<Integer, Long> histogram = new TreeMap<>();
        long n = 0;
        for (Object[] r : rows) {
            long count = ((Number) r[1]).longValue();
            histogram.put(((Number) r[0]).intValue(), count);
            n += count;
        }
        Integer median = safePercentile(histogram, n, 50, threshold);
        return new Spread(median, safePercentile(histogram, n, 90, threshold), median != null);
    }

    /**
     * The nearest-rank percentile, or null unless at least {@code k} cases stand below its rank
     * and at least {@code k} above it. With k = 5 a median needs 11 cases and a 90th percentile 50.
     */
    static Integer safePercentile(TreeMap<Integer, Long> histogram, long n, int p, int k) {
        if (n == 0) {
            return null;
        }
        long rank = (long) Math.ceil(p / 100.0 * n);
        if (rank - 1 < k || n - rank < k) {
            return null;
        }
        return percentile(histogram, n, p);
    }

    /** Nearest-rank percentile of a histogram. */
    static int percentile(TreeMap<Integer, Long> histogram, long n, int p) {
        long rank = (long) Math.ceil(p / 100.0 * n);
        long seen = 0;
        for (Map.Entry<Integer, Long> e : histogram.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        return histogram.lastKey();
    }

    /** A ratio of two published cells, only when both are shown and the denominator rests on enough cases. */
    public Double ratio(Figure numerator, Figure denominator) {
        if (numerator.suppressed() || denominator.suppressed() || denominator.value() == null || denominator.value() < threshold) {
            return null;
        }
        return Math.round(1000.0 * numerator.value() / denominator.value()) / 1000.0;
    }

    /** Today in the statistics' time zone. */
    public LocalDate today() {
        return LocalDate.now(clock.clock().withZone(zone));
    }

    private Figure figure(Cube cube, int t, int g, int k) {
        long v = cube.value(t, g, k);
        return switch (cube.state(t, g, k)) {
            case SHOWN -> shown(v);
            // One symbol for every hidden cell: a reader must not learn which of them are the small ones.
            case BELOW_THRESHOLD, HIDDEN_TO_PROTECT -> new Figure(null, HIDDEN, true);
        };
    }

    private static Figure shown(long v) {
        return new Figure(v, Long.toString(v), false);
    }

    private int timeNode(Cube cube, Filter filter) {
        Dimension time = cube.dimension(0);
        if (time.size() == 12) {
            // A stock: its level at the end of the period.
            return monthNode(time, filter.lastMonth(today()));
        }
        if (filter.month() != null) {
            return monthNode(time, filter.month());
        }
        if (filter.quarter() != null) {
            return time.find("Q" + filter.quarter()).orElseThrow();
        }
        return 0;
    }

    private static int monthNode(Dimension time, int month) {
        return time.find(String.format("M%02d", month)).orElseThrow();
    }

    private static int geoNode(Dimension geo, Filter filter) {
        if (filter.network() != null) {
            int n = geo.find(filter.network()).orElse(-1);
            if (n >= 0 && filter.region() != null && !geo.key(geo.parent(n)).equals(filter.region())) {
                throw ProblemException.invalid("network", "is not in region " + filter.region());
            }
            return n;
        }
        if (filter.region() != null) {
            return geo.find(filter.region()).orElse(-1);
        }
        return 0;
    }

    /** A year of quarters of months; for a stock, twelve months that add up to nothing. */
    private static Dimension time(boolean stock) {
        Dimension time = new Dimension();
        if (stock) {
            for (int m = 1; m <= 12; m++) {
                time.add(String.format("M%02d", m), -1);
            }
            return time;
        }
        int year = time.add("YEAR", -1);
        for (int q = 1; q <= 4; q++) {
            int quarter = time.add("Q" + q, year);
            for (int m = q * 3 - 2; m <= q * 3; m++) {
                time.add(String.format("M%02d", m), quarter);
            }
        }
        return time;
    }

    /** The networks and their regions: a copy, which the caller may add to. */
    private Map<String, String> networks() {
        return new TreeMap<>(kept.get("networks", () -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select network_id, region_code from network").getResultList();
            Map<String, String> networks = new TreeMap<>();
            rows.forEach(r -> networks.put((String) r[0], (String) r[1]));
            return Map.copyOf(networks);
        }));
    }

    /** The country, its regions, their networks. A network seen under two regions counts under the first. */
    private static Dimension geography(Map<String, String> networks) {
        Dimension geo = new Dimension();
        int country = geo.add("DK", -1);
        Map<String, Integer> regions = new TreeMap<>();
        new TreeSet<>(networks.values()).forEach(r -> regions.put(r, geo.add(r, country)));
        networks.forEach((network, region) -> {
            if (geo.find(network).isEmpty()) {
                geo.add(network, regions.get(region));
            }
        });
        return geo;
    }

    private static int leaf(Dimension geo, String network) {
        return geo.find(network).orElseThrow();
    }
}
