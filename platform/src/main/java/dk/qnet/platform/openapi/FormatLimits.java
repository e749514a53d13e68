package dk.qnet.platform.openapi;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * A string whose format fixes its length says so: a uuid is 36 characters, a date (2026-12-07) 10,
 * a date-time at most 35 (nanoseconds and an offset: 2026-12-07T08:15:30.123456789+01:00). The
 * parsers refuse anything longer, so this only writes down what the code already enforces.
 */
final class FormatLimits {

    static final Map<String, Integer> LENGTH = Map.of("uuid", 36, "date", 10, "date-time", 35);

    private FormatLimits() {
    }

    static void apply(OpenAPI openAPI) {
        List<Schema> schemas = new ArrayList<>();
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            schemas.addAll(openAPI.getComponents().getSchemas().values());
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> {
                if (item.getParameters() != null) {
                    item.getParameters().forEach(p -> schemas.add(p.getSchema()));
                }
                item.getOperations().values().forEach(op -> {
                    if (op.getParameters() != null) {
                        op.getParameters().forEach(p -> schemas.add(p.getSchema()));
                    }
                    if (op.getRequestBody() != null) {
                        addContent(op.getRequestBody().getContent(), schemas);
                    }
                    if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                        op.getResponses().getAPIResponses().values().forEach(answer -> {
                            addContent(answer.getContent(), schemas);
                            if (answer.getHeaders() != null) {
                                answer.getHeaders().values().forEach(h -> schemas.add(h.getSchema()));
                            }
                        });
                    }
                });
            });
        }
        Map<Schema, Boolean> seen = new IdentityHashMap<>();
        schemas.forEach(s -> limit(s, seen));
    }

    private static void addContent(Content content, List<Schema> schemas) {
        if (content != null && content.getMediaTypes() != null) {
            for (MediaType media : content.getMediaTypes().values()) {
                schemas.add(media.getSchema());
            }
        }
    }

    private static void limit(Schema schema, Map<Schema, Boolean> seen) {
        if (schema == null || seen.put(schema, Boolean.TRUE) != null) {
            return;
        }
        Integer length = schema.getFormat() == null ? null : LENGTH.get(schema.getFormat());
        if (length != null && schema.getMaxLength() == null && schema.getType() != null && schema.getType().contains(Schema.SchemaType.STRING)) {
            schema.setMaxLength(length);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> limit(p, seen));
        }
        limit(schema.getItems(), seen);
        limit(schema.getAdditionalPropertiesSchema(), seen);
        for (List<Schema> group : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(s -> limit(s, seen));
            }
        }
    }
}
