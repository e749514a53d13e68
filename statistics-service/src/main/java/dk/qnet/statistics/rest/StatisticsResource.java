package dk.qnet.statistics.rest;

import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.problem.ProblemException;
import dk.qnet.statistics.aggregate.Measures;
import dk.qnet.statistics.publish.Cube;
import dk.qnet.statistics.publish.Figures;
import dk.qnet.statistics.publish.Filter;
import dk.qnet.statistics.publish.Reports;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The figures, as JSON or as CSV ({@code Accept: text/csv}, or {@code ?format=csv} for a
 * download link), with the same suppression in both. The headline for the country or a region is
 * public; periods within a year, networks, sources, breakdowns and outcomes need analyst or admin.
 */
@Path("/api/v1/statistics")
@Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
public class StatisticsResource {

    /** What a breakdown can be by. */
    static final List<String> BREAKDOWNS = List.of("region", "network", "source", "theme", "reason");
    /** The answer's format besides the Accept header. */
    static final List<String> FORMATS = List.of("json", "csv");

    static final String PUBLIC_LIMIT = "Anonymous callers: at most qnet.statistics.public-calls-per-minute (300) calls a minute"
            + " per address to the public figures; past it, problem+json with Retry-After.";

    private final Reports reports;
    private final Figures figures;

    public StatisticsResource(Reports reports, Figures figures) {
        this.reports = reports;
        this.figures = figures;
    }

    @GET
    @Path("headline")
    @PermitAll
    @APIResponse(responseCode = "429", description = PUBLIC_LIMIT)
    public Response headline(@QueryParam("year") String year, @QueryParam("region") String region, @QueryParam("format") String format) {
        Filter filter = filter(year, null, null, region, null, null);
        return respond(new Views.ReportView(reports.headline(filter)), format);
    }

    /** A headline KPI month by month: public for the country or a region; any KPI or finer filter for analysts. */
    @GET
    @Path("trend")
    @PermitAll
    @APIResponse(responseCode = "429", description = PUBLIC_LIMIT)
    public Response trend(@QueryParam("kpi") String kpi, @QueryParam("year") String year, @QueryParam("region") String region,
                          @QueryParam("format") String format) {
        if (kpi == null || !Reports.isHeadline(kpi)) {
            throw ProblemException.invalid("kpi", "must be a headline figure, such as referralsReceived");
        }
        Filter filter = filter(year, null, null, region, null, null);
        return respond(new Views.TrendView(kpi, filter.period(), region, figures.threshold(), reports.trend(kpi, filter)), format);
    }

    @GET
    @Path("kpis")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    public Response kpis(@QueryParam("year") String year, @QueryParam("quarter") String quarter, @QueryParam("month") String month,
                         @QueryParam("region") String region, @QueryParam("network") String network,
                         @QueryParam("source") String source, @QueryParam("format") String format) {
        Filter filter = filter(year, quarter, month, region, network, source);
        return respond(new Views.ReportView(reports.detailed(filter)), format);
    }

    @GET
    @Path("breakdown")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    public Response breakdown(@QueryParam("kpi") String kpi, @QueryParam("by") String by, @QueryParam("year") String year,
                              @QueryParam("quarter") String quarter, @QueryParam("month") String month,
                              @QueryParam("region") String region, @QueryParam("network") String network,
                              @QueryParam("source") String source, @QueryParam("format") String format) {
        if (kpi == null || Reports.measureOf(kpi) == null) {
            throw ProblemException.invalid("kpi", "must be a KPI name, such as referralsReceived");
        }
        if (by == null || !BREAKDOWNS.contains(by)) {
            throw ProblemException.invalid("by", "must be region, network, source, (for course figures) theme or (for referralsRejected) reason");
        }
        if (by.equals("reason") && !kpi.equals("referralsRejected")) {
            throw ProblemException.invalid("by", "reason applies to referralsRejected only");
        }
        Filter filter = filter(year, quarter, month, region, network, source);
        return respond(new Views.BreakdownView(kpi, filter.period(), by, figures.threshold(), reports.breakdown(kpi, filter, by)), format);
    }

    /** The women's own ratings: how many gave each value, per timepoint and dimension. */
    @GET
    @Path("outcomes")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    public Response outcomes(@QueryParam("year") String year, @QueryParam("quarter") String quarter, @QueryParam("month") String month,
                             @QueryParam("region") String region, @QueryParam("network") String network,
                             @QueryParam("format") String format) {
        Filter filter = filter(year, quarter, month, region, network, null);
        Map<String, Map<String, List<Figures.Row>>> distributions = new LinkedHashMap<>();
        for (String timepoint : List.of("START", "THREE_MONTHS", "END")) {
            Map<String, List<Figures.Row>> dims = new LinkedHashMap<>();
            for (String dimension : List.of("network", "community", "health", "economy", "housing", "jobEducation", "safety")) {
                boolean safety = dimension.equals("safety");
                Cube cube = figures.distribution(Measures.OUTCOME + timepoint + "." + dimension, filter.year(), safety ? 1 : 0, safety ? 7 : 4);
                List<Figures.Row> rows = new ArrayList<>();
                for (int r = 0; r < cube.dimension(2).size(); r++) {
                    rows.add(new Figures.Row(cube.dimension(2).key(r), figures.figure(cube, filter, cube.dimension(2).key(r))));
                }
                dims.put(dimension, rows);
            }
            distributions.put(timepoint, dims);
        }
        return respond(new Views.OutcomeView(filter.period(), region, network, figures.threshold(), distributions), format);
    }

    /** Referrals received per month, for the country: kept from the first version of this API. */
    @GET
    @Path("referrals-received")
    @PermitAll
    @APIResponse(responseCode = "429", description = PUBLIC_LIMIT)
    public Response referralsReceived(@QueryParam("year") String year, @QueryParam("format") String format) {
        Filter filter = filter(year, null, null, null, null, null);
        List<Views.LegacyMonth> months = reports.trend("referralsReceived", filter).stream()
                .map(m -> new Views.LegacyMonth(m.month(), m.figure().value(), m.figure().display(), m.figure().suppressed())).toList();
        return respond(new Views.LegacyReferrals(filter.year(), figures.threshold(), months), format);
    }

    /** Activities held and who came, per month, for the country: kept from the first version. */
    @GET
    @Path("activities")
    @PermitAll
    @APIResponse(responseCode = "429", description = PUBLIC_LIMIT)
    public Response activities(@QueryParam("year") String year, @QueryParam("format") String format) {
        Filter filter = filter(year, null, null, null, null, null);
        List<Figures.MonthFigure> held = reports.trend("activitiesHeld", filter);
        List<Figures.MonthFigure> women = reports.trend("activityWomen", filter);
        List<Figures.MonthFigure> children = reports.trend("activityChildren", filter);
        List<Figures.MonthFigure> volunteers = reports.trend("activityVolunteers", filter);
        List<Views.ActivityMonth> months = new ArrayList<>();
        for (int i = 0; i < held.size(); i++) {
            months.add(new Views.ActivityMonth(held.get(i).month(), held.get(i).figure(), women.get(i).figure(), children.get(i).figure(),
                    volunteers.get(i).figure()));
        }
        return respond(new Views.LegacyActivities(filter.year(), figures.threshold(), months), format);
    }

    private static Response respond(CsvTable body, String format) {
        if (format == null || format.isBlank()) {
            return Response.ok(body).build();
        }
        if (format.equals(FORMATS.get(1))) {
            return Response.ok(body, CsvWriter.TEXT_CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"qnet-statistik.csv\"").build();
        }
        if (format.equals(FORMATS.get(0))) {
            return Response.ok(body, MediaType.APPLICATION_JSON).build();
        }
        throw ProblemException.invalid("format", "must be csv or json");
    }

    /** The query's filter, its year bounded to the years with data. */
    private Filter filter(String year, String quarter, String month, String region, String network, String source) {
        Filter filter = Filter.parse(year, quarter, month, region, network, source, figures.today().getYear());
        figures.requireYearWithData(filter.year());
        return filter;
    }
}
