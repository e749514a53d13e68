package dk.qnet.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The operations of a running service, read from its own OpenAPI document: method, path, the
 * roles allowed, and the JSON schema of the body, with references resolved.
 */
final class ApiOperations {

    static final ObjectMapper JSON = new ObjectMapper();

    record Endpoint(String service, String method, String path, List<String> roles, JsonNode bodySchema, JsonNode components) {

        boolean writes() {
            return List.of("post", "put", "patch").contains(method);
        }

        /** Writes, or deletes. */
        boolean changes() {
            return writes() || method.equals("delete");
        }

        boolean takesAnId() {
            return path.contains("{");
        }

        /** The path with every parameter filled by something that names no existing object. */
        String concretePath() {
            return path.replaceAll("\\{[^}]*}", UUID.randomUUID().toString());
        }

        @Override
        public String toString() {
            return service + " " + method.toUpperCase() + " " + path;
        }
    }

    private ApiOperations() {
    }

    static List<Endpoint> of(String service, String baseUrl) throws Exception {
        HttpResponse<String> response = Http.client().send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/q/openapi?format=json")).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(service + " has no OpenAPI document: " + response.statusCode());
        }
        JsonNode doc = JSON.readTree(response.body());
        JsonNode components = doc.path("components").path("schemas");
        List<Endpoint> endpoints = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                List<String> roles = new ArrayList<>();
                op.path("security").forEach(requirement -> requirement.fields()
                        .forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
                JsonNode schema = op.path("requestBody").path("content").path("application/json").path("schema");
                endpoints.add(new Endpoint(service, method, path.getKey(), roles, schema.isMissingNode() ? null : resolve(schema, components),
                        components));
            }
        }
        return endpoints;
    }

    /** A schema with its top-level reference followed. */
    static JsonNode resolve(JsonNode schema, JsonNode components) {
        JsonNode at = schema;
        for (int i = 0; i < 20 && at.has("$ref"); i++) {
            String ref = at.get("$ref").asText();
            at = components.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (at.has("allOf") && at.get("allOf").size() == 1) {
            return resolve(at.get("allOf").get(0), components);
        }
        return at;
    }
}
