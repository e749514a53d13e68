package dk.qnet.statistics.rest;

import dk.qnet.contracts.network.NetworkIds;
import dk.qnet.contracts.referral.SenderType;
import dk.qnet.statistics.publish.Filter;
import dk.qnet.statistics.publish.Reports;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The figures' query parameters, described in the OpenAPI document from the rules that read
 * them ({@link Filter#parse}, the KPI names of {@link Reports}, {@link StatisticsResource}'s
 * breakdowns and formats), so the document and the checks say the same. They are read as text
 * so that a bad one is a 400 naming it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class StatisticsParameters implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values()
                .forEach(op -> describe(op, path.endsWith("/trend"))));
    }

    private static void describe(Operation operation, boolean trend) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter p : operation.getParameters()) {
            if (p.getIn() != Parameter.In.QUERY) {
                continue;
            }
            switch (p.getName()) {
                case "year" -> p.schema(whole(Filter.MIN_YEAR, Filter.MAX_YEAR)).description("The year; this year when left out.");
                case "quarter" -> p.schema(whole(1, 4)).description("A quarter of the year (not with month).");
                case "month" -> p.schema(whole(1, 12)).description("A month of the year (not with quarter).");
                case "region" -> p.schema(codes(new ArrayList<>(new java.util.TreeSet<>(Filter.REGIONS)))).description("A region's code.");
                case "network" -> p.schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .pattern("^" + NetworkIds.REGEX + "$").maxLength(NetworkIds.MAX_LENGTH)).description("A network's id (analysts).");
                case "source" -> p.schema(codes(Arrays.stream(SenderType.values()).map(Enum::name).toList()))
                        .description("Who referred (analysts).");
                case "kpi" -> p.schema(codes(trend ? Reports.headlineKpiNames() : Reports.kpiNames())).description("The figure.");
                case "by" -> p.schema(codes(StatisticsResource.BREAKDOWNS)).description("What to break the figure down by.");
                case "format" -> p.schema(codes(StatisticsResource.FORMATS)).description("csv or json, besides the Accept header.");
                default -> {
                    // Every other parameter is described where it is declared.
                }
            }
        }
    }

    private static Schema whole(int min, int max) {
        return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                .minimum(BigDecimal.valueOf(min)).maximum(BigDecimal.valueOf(max));
    }

    private static Schema codes(List<String> values) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(new ArrayList<>(values));
    }
}
