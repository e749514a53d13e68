package dk.qnet.statistics.rest;

import dk.qnet.statistics.publish.Figures;
import dk.qnet.statistics.publish.Reports;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The API's answers; each can also be written as CSV with the same cells. */
public final class Views {

    private Views() {
    }

    static List<String> cells(Figures.Figure f) {
        return List.of(f.value() == null ? "" : f.value().toString(), f.display(), Boolean.toString(f.suppressed()));
    }

    /** A report: one CSV row per figure, per spread, per ratio, and per month of each trend. */
    public record ReportView(Reports.Report report) implements CsvTable {

        @com.fasterxml.jackson.annotation.JsonValue
        public Reports.Report json() {
            return report;
        }

        @Override
        public List<String> header() {
            return List.of("period", "region", "network", "source", "kpi", "month", "value", "display", "suppressed");
        }

        @Override
        public List<List<String>> rows() {
            List<List<String>> rows = new ArrayList<>();
            Reports.Report r = report;
            List<String> scope = List.of(r.period(), nz(r.region()), nz(r.network()), nz(r.source()));
            r.figures().forEach((kpi, f) -> rows.add(join(scope, List.of(kpi, ""), cells(f))));
            r.spreads().forEach((name, s) -> {
                rows.add(join(scope, List.of(name + ".median", ""), spread(s.median(), s.median() != null)));
                rows.add(join(scope, List.of(name + ".p90", ""), spread(s.p90(), s.p90() != null)));
            });
            r.ratios().forEach((name, v) -> rows.add(join(scope, List.of(name, ""),
                    List.of(v == null ? "" : v.toString(), v == null ? "x" : v.toString(), Boolean.toString(v == null)))));
            r.trends().forEach((kpi, months) -> months.forEach(m -> rows.add(join(scope, List.of(kpi, m.month()), cells(m.figure())))));
            return rows;
        }

        private static List<String> spread(Integer v, boolean published) {
            return List.of(v == null ? "" : v.toString(), published ? String.valueOf(v) : "x", Boolean.toString(!published));
        }
    }

    public record TrendView(String kpi, String period, String region, int suppressionThreshold, List<Figures.MonthFigure> months)
            implements CsvTable {

        @Override
        public List<String> header() {
            return List.of("kpi", "region", "month", "value", "display", "suppressed");
        }

        @Override
        public List<List<String>> rows() {
            return months.stream().map(m -> join(List.of(kpi, nz(region), m.month()), cells(m.figure()), List.of())).toList();
        }
    }

    public record BreakdownView(String kpi, String period, String by, int suppressionThreshold, List<Figures.Row> parts)
            implements CsvTable {

        @Override
        public List<String> header() {
            return List.of("kpi", "period", by, "value", "display", "suppressed");
        }

        @Override
        public List<List<String>> rows() {
            return parts.stream().map(r -> join(List.of(kpi, period, r.key()), cells(r.figure()), List.of())).toList();
        }
    }

    public record OutcomeView(String period, String region, String network, int suppressionThreshold,
                              Map<String, Map<String, List<Figures.Row>>> distributions) implements CsvTable {

        @Override
        public List<String> header() {
            return List.of("period", "timepoint", "dimension", "rating", "value", "display", "suppressed");
        }

        @Override
        public List<List<String>> rows() {
            List<List<String>> rows = new ArrayList<>();
            distributions.forEach((timepoint, dims) -> dims.forEach((dimension, ratings) -> ratings.forEach(r ->
                    rows.add(join(List.of(period, timepoint, dimension, r.key()), cells(r.figure()), List.of())))));
            return rows;
        }
    }

    public record LegacyMonth(String month, Long received, String display, boolean suppressed) {
    }

    public record LegacyReferrals(int year, int suppressionThreshold, List<LegacyMonth> months) implements CsvTable {

        @Override
        public List<String> header() {
            return List.of("month", "received", "display", "suppressed");
        }

        @Override
        public List<List<String>> rows() {
            return months.stream().map(m -> List.of(m.month(), m.received() == null ? "" : m.received().toString(), m.display(),
                    Boolean.toString(m.suppressed()))).toList();
        }
    }

    public record ActivityMonth(String month, Figures.Figure held, Figures.Figure women, Figures.Figure children,
                                Figures.Figure volunteers) {
    }

    public record LegacyActivities(int year, int suppressionThreshold, List<ActivityMonth> months) implements CsvTable {

        @Override
        public List<String> header() {
            return List.of("month", "held", "women", "children", "volunteers");
        }

        @Override
        public List<List<String>> rows() {
            return months.stream().map(m -> List.of(m.month(), m.held().display(), m.women().display(), m.children().display(),
                    m.volunteers().display())).toList();
        }
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    @SafeVarargs
    static List<String> join(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> p : parts) {
            all.addAll(p);
        }
        return all;
    }
}
