package dk.qnet.statistics.publish;

import dk.qnet.contracts.network.NetworkIds;
import dk.qnet.contracts.referral.SenderType;
import dk.qnet.platform.problem.FieldError;
import dk.qnet.platform.problem.Problem;
import dk.qnet.platform.problem.ProblemException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a reader asks for: a year, or a quarter or a month of it; the whole country, a region or
 * a network; all sources or one. Each combination is one cell of a cube.
 */
public record Filter(int year, Integer quarter, Integer month, String region, String network, String source) {

    public static final Set<String> REGIONS = Set.of("1081", "1082", "1083", "1084", "1085");
    public static final int MIN_YEAR = 2001;
    public static final int MAX_YEAR = 2100;

    /** Reads query parameters; every bad one is named in one 400. Without a year, {@code thisYear}. */
    public static Filter parse(String year, String quarter, String month, String region, String network, String source, int thisYear) {
        List<FieldError> errors = new ArrayList<>();
        Integer y = number(year, MIN_YEAR, MAX_YEAR, "year", errors);
        Integer q = number(quarter, 1, 4, "quarter", errors);
        Integer m = number(month, 1, 12, "month", errors);
        if (q != null && m != null) {
            errors.add(new FieldError("month", "give a quarter or a month, not both"));
        }
        if (region != null && !region.isBlank() && !REGIONS.contains(region)) {
            errors.add(new FieldError("region", "must be a region code: 1081-1085"));
        }
        if (network != null && !network.isBlank() && !NetworkIds.isValid(network)) {
            errors.add(new FieldError("network", "must be a network id such as net-odense"));
        }
        if (source != null && !source.isBlank() && !isSource(source)) {
            errors.add(new FieldError("source", "must be one of SHELTER, MUNICIPALITY, PARTNER, SELF"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid("The filter has " + errors.size() + " invalid parameter(s).", errors));
        }
        return new Filter(y == null ? thisYear : y, q, m, blankToNull(region), blankToNull(network), blankToNull(source));
    }

    /** True when only the year and the region are given: the public, national headline. */
    public boolean isHeadline() {
        return quarter == null && month == null && network == null && source == null;
    }

    /** The months the period covers, 1-12. */
    public List<Integer> months() {
        if (month != null) {
            return List.of(month);
        }
        if (quarter != null) {
            return List.of(quarter * 3 - 2, quarter * 3 - 1, quarter * 3);
        }
        return List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    }

    /** The last month of the period that has begun: a stock is read there. */
    public int lastMonth(LocalDate today) {
        List<Integer> months = months();
        int last = months.get(months.size() - 1);
        if (today.getYear() == year) {
            last = Math.max(months.get(0), Math.min(last, today.getMonthValue()));
        }
        return last;
    }

    public String period() {
        return month != null ? String.format("%d-%02d", year, month) : quarter != null ? year + "-Q" + quarter : Integer.toString(year);
    }

    private static boolean isSource(String s) {
        for (SenderType t : SenderType.values()) {
            if (t.name().equals(s)) {
                return true;
            }
        }
        return false;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Integer number(String raw, int min, int max, String field, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            int v = Integer.parseInt(raw.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add(new FieldError(field, "must be a whole number from " + min + " to " + max));
        return null;
    }
}
