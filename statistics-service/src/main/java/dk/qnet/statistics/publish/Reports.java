package dk.qnet.statistics.publish;

import dk.qnet.statistics.aggregate.Measures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The KPIs of a filter, each read from its measure's suppressed cube. */
@ApplicationScoped
public class Reports {

    /** The figures of one filter. Keys are the KPI names of the API. */
    public record Report(String period, String region, String network, String source, int suppressionThreshold,
                         Map<String, Figures.Figure> figures, Map<String, Figures.Spread> spreads, Map<String, Double> ratios,
                         Map<String, List<Figures.MonthFigure>> trends) {
    }

    /** The public headline: counts anyone may see for the country or a region. */
    static final Map<String, String> HEADLINE = ordered(
            "referralsReceived", Measures.RECEIVED,
            "peopleSupported", Measures.PEOPLE_SUPPORTED,
            "womenSupported", Measures.PEOPLE_SUPPORTED,
            "childrenSupported", Measures.PEOPLE_SUPPORTED,
            "volunteersEngaged", Measures.VOLUNTEERS_ENGAGED,
            "networksEngaged", Measures.NETWORKS_ENGAGED,
            "womenReached", Measures.WOMEN_REACHED,
            "childrenReached", Measures.CHILDREN_REACHED,
            "volunteersActive", Measures.VOLUNTEERS_ACTIVE,
            "networksActive", Measures.NETWORKS_ACTIVE,
            "waitingList", Measures.WAITING,
            "matchesActive", Measures.MATCHES_ACTIVE,
            "activitiesHeld", Measures.ACTIVITIES_HELD,
            "activityWomen", Measures.ACTIVITY_WOMEN,
            "activityChildren", Measures.ACTIVITY_CHILDREN,
            "activityVolunteers", Measures.ACTIVITY_VOLUNTEERS);

    /** The rest, for analysts. */
    static final Map<String, String> DETAILED = ordered(
            "referralsAccepted", Measures.ACCEPTED,
            "referralsRejected", Measures.REJECTED,
            "referralsWithdrawn", Measures.WITHDRAWN,
            "volunteersApproved", Measures.VOLUNTEERS_APPROVED,
            "matchesAccepted", Measures.MATCHES_ACCEPTED,
            "matchesEnded", Measures.MATCHES_ENDED,
            "matchesEndedEarly", Measures.MATCHES_ENDED_EARLY,
            "meetings", Measures.MEETINGS,
            "outcomesCompared", Measures.OUTCOMES_COMPARED,
            "safetyImproved", Measures.SAFETY_IMPROVED,
            "wellbeingImproved", Measures.WELLBEING_IMPROVED,
            "coursesHeld", Measures.COURSES_HELD,
            "courseSessions", Measures.COURSE_SESSIONS,
            "courseWomen", Measures.COURSE_WOMEN,
            "courseChildren", Measures.COURSE_CHILDREN,
            "courseCompletions", Measures.COURSE_COMPLETED,
            "courseDropOuts", Measures.COURSE_DROPPED_OUT,
            "aftercareWindowsOpened", Measures.AFTERCARE_OPENED,
            "aftercareHandoversBeforeMoveOut", Measures.AFTERCARE_HANDOVER_BEFORE,
            "aftercareExtensions", Measures.AFTERCARE_EXTENDED,
            "aftercareWindowsClosed", Measures.AFTERCARE_CLOSED,
            "aftercareClosedWithGoalsOpen", Measures.AFTERCARE_CLOSED_OPEN,
            "aftercareGoalsMet", Measures.AFTERCARE_GOALS_MET);

    /** The figures the dashboard draws month by month. */
    public static final List<String> TRENDS = List.of("referralsReceived", "womenReached", "waitingList", "matchesActive", "activitiesHeld");

    /** KPIs that are one kind of person in a figure of people: that cell of its third dimension. */
    static final Map<String, String> KIND = Map.of("womenSupported", "WOMEN", "childrenSupported", "CHILDREN");

    /** Figures not about a referral: they have no source, and a source filter does not apply. */
    static final List<String> WITHOUT_SOURCE = List.of(Measures.PEOPLE_SUPPORTED, Measures.VOLUNTEERS_ENGAGED, Measures.NETWORKS_ENGAGED,
            Measures.VOLUNTEERS_ACTIVE, Measures.VOLUNTEERS_APPROVED, Measures.NETWORKS_ACTIVE,
            Measures.ACTIVITIES_HELD, Measures.ACTIVITY_WOMEN, Measures.ACTIVITY_CHILDREN, Measures.ACTIVITY_VOLUNTEERS,
            Measures.COURSES_HELD, Measures.COURSE_SESSIONS, Measures.COURSE_WOMEN, Measures.COURSE_CHILDREN, Measures.COURSE_COMPLETED,
            Measures.COURSE_DROPPED_OUT);

    private final Figures figures;
    private final EntityManager em;
    private final PublishedCache kept;

    public Reports(Figures figures, EntityManager em, PublishedCache kept) {
        this.figures = figures;
        this.em = em;
        this.kept = kept;
    }

    public static String measureOf(String kpi) {
        String m = HEADLINE.get(kpi);
        return m != null ? m : DETAILED.get(kpi);
    }

    /** Every figure a kpi parameter may name: the headline ones, then the detailed ones. */
    public static java.util.List<String> kpiNames() {
        java.util.List<String> names = new java.util.ArrayList<>(HEADLINE.keySet());
        names.addAll(DETAILED.keySet());
        return names;
    }

    public static java.util.List<String> headlineKpiNames() {
        return java.util.List.copyOf(HEADLINE.keySet());
    }

    public static boolean isHeadline(String kpi) {
        return HEADLINE.containsKey(kpi);
    }

    @Transactional
    public Report headline(Filter filter) {
        return report(filter, false);
    }

    @Transactional
    public Report detailed(Filter filter) {
        return report(filter, true);
    }

    /** One KPI month by month over the filter's period. */
    @Transactional
    public List<Figures.MonthFigure> trend(String kpi, Filter filter) {
        String measure = measureOf(kpi);
        return figures.trend(figures.cube(measure, filter.year()), forKpi(kpi, measure, filter));
    }

    @Transactional
    public List<Figures.Row> breakdown(String kpi, Filter filter, String by) {
        String measure = measureOf(kpi);
        return figures.breakdown(figures.cube(measure, filter.year()), forKpi(kpi, measure, filter), by);
    }

    private Report report(Filter filter, boolean detailed) {
        Map<String, Figures.Figure> shown = new LinkedHashMap<>();
        Map<String, List<Figures.MonthFigure>> trends = new LinkedHashMap<>();
        Map<String, Cube> cubes = new LinkedHashMap<>();
        Map<String, String> kpis = new LinkedHashMap<>(HEADLINE);
        if (detailed) {
            kpis.putAll(DETAILED);
        }
        kpis.forEach((kpi, measure) -> {
            Cube cube = figures.cube(measure, filter.year());
            cubes.put(kpi, cube);
            Filter f = forKpi(kpi, measure, filter);
            shown.put(kpi, figures.figure(cube, f));
            if (TRENDS.contains(kpi)) {
                trends.put(kpi, figures.trend(cube, f));
            }
        });
        if (detailed) {
            // Each reason is a cell of the rejections' own cube, suppressed in one table with their total.
            figures.breakdown(cubes.get("referralsRejected"), filter, "reason")
                    .forEach(row -> shown.put("referralsRejected." + row.key(), row.figure()));
        }
        Map<String, Figures.Spread> spreads = new LinkedHashMap<>();
        spreads.put("daysToMatch", figures.spread(Measures.DAYS_TO_MATCH, filter));
        Map<String, Double> ratios = new LinkedHashMap<>();
        if (detailed) {
            spreads.put("matchDays", figures.spread(Measures.MATCH_DAYS, filter));
            ratios.put("shareEndedEarly", figures.ratio(shown.get("matchesEndedEarly"), shown.get("matchesEnded")));
            ratios.put("shareSafetyImproved", figures.ratio(shown.get("safetyImproved"), shown.get("outcomesCompared")));
            ratios.put("shareWellbeingImproved", figures.ratio(shown.get("wellbeingImproved"), shown.get("outcomesCompared")));
            ratios.put("shareCourseWomenCompleted", figures.ratio(shown.get("courseCompletions"), shown.get("courseWomen")));
            ratios.put("meetingsPerActiveMatchPerMonth", meetingsPerMatchMonth(shown.get("meetings"), cubes.get("matchesActive"), filter));
        }
        return new Report(filter.period(), filter.region(), filter.network(), filter.source(), figures.threshold(), shown, spreads,
                ratios, trends);
    }

    /** Meetings in the period over the active matches summed month by month; only if every month's level is shown. */
    private Double meetingsPerMatchMonth(Figures.Figure meetings, Cube active, Filter filter) {
        long matchMonths = 0;
        LocalDate today = figures.today();
        for (Figures.MonthFigure month : figures.trend(active, filter)) {
            if (LocalDate.parse(month.month() + "-01").isAfter(today)) {
                continue;
            }
            if (month.figure().suppressed()) {
                return null;
            }
            matchMonths += month.figure().value();
        }
        return figures.ratio(meetings, new Figures.Figure(matchMonths, Long.toString(matchMonths), false));
    }

    /** The filter for a KPI's cube: without a source where it has none, and on its kind of person where it is one. */
    private static Filter forKpi(String kpi, String measure, Filter filter) {
        String source = KIND.containsKey(kpi) ? KIND.get(kpi) : WITHOUT_SOURCE.contains(measure) ? null : filter.source();
        return java.util.Objects.equals(source, filter.source()) ? filter
                : new Filter(filter.year(), filter.quarter(), filter.month(), filter.region(), filter.network(), source);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
