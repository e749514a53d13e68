package dk.qnet.platform.openapi;

import dk.qnet.platform.paging.PageRequest;
import dk.qnet.platform.problem.IfMatch;
import dk.qnet.platform.problem.Problem;
import dk.qnet.platform.ratelimit.RateLimitAnswer;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The answers every operation of the suite can give, written once into each service's OpenAPI
 * document from what the mappers really do: every error is application/problem+json
 * ({@link Problem}, with an example); an operation with parameters or a body can answer 400
 * naming the field; one with an id in its path 404; one that takes If-Match 412; every one 401,
 * 403 and 500. An operation that declares a 429 has a rate limit: its answers carry the
 * RateLimit and RateLimit-Policy fields ({@link RateLimitAnswer}; not 401 and 403, decided before
 * the limit counts) and its 429 Retry-After.
 */
public class ProblemAnswersFilter implements OASFilter {

    static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        addSchemas(openAPI.getComponents());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> op : item.getOperations().entrySet()) {
                document(path, item, op.getValue());
            }
        });
    }

    private static void document(String path, PathItem item, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        List<Parameter> parameters = new java.util.ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        for (Parameter p : parameters) {
            // The list parameters are read as text (so that "x" is a 400 naming it), but are whole numbers within PageRequest's bounds.
            if (p.getIn() == Parameter.In.QUERY && ("page".equals(p.getName()) || "size".equals(p.getName()))) {
                boolean page = "page".equals(p.getName());
                p.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .minimum(java.math.BigDecimal.valueOf(page ? 0 : 1))
                        .maximum(java.math.BigDecimal.valueOf(page ? PageRequest.MAX_PAGE : PageRequest.MAX_SIZE))
                        .defaultValue(page ? 0 : PageRequest.DEFAULT_SIZE));
                p.setDescription(page ? "The page, from 0." : "Items per page.");
            }
        }
        if (operation.getRequestBody() != null || !parameters.isEmpty()) {
            problem(responses, "400", "Invalid request: errors[] names each field (a parameter, a header or a body field), and nothing was stored.");
        }
        if (path.contains("{")) {
            problem(responses, "404", "No such resource, or one the caller may not see: neither confirmed nor denied.");
        }
        if (parameters.stream().anyMatch(p -> IfMatch.HEADER.equalsIgnoreCase(p.getName()))) {
            problem(responses, "412", "The record changed since the ETag sent in If-Match: read it again; nothing was changed.");
        }
        problem(responses, "401", "A valid bearer token is required.");
        problem(responses, "403", "The caller's role does not allow this.");
        problem(responses, "500", "The request failed on our side and nothing was changed; instance names the error id.");
        // Every other error answer an operation declares (409, 422, ...) is problem+json too.
        List.copyOf(responses.getAPIResponses().keySet()).stream().filter(code -> code.startsWith("4") || code.startsWith("5"))
                .forEach(code -> problem(responses, code, responses.getAPIResponse(code).getDescription()));
        APIResponse limited = responses.getAPIResponse("429");
        if (limited != null) {
            problem(responses, "429", limited.getDescription());
            responses.getAPIResponse("429").addHeader("Retry-After", header("Seconds to wait before the next call.", "integer"));
            responses.getAPIResponses().forEach((code, answer) -> {
                // The token and the role are checked before the limit counts a call: 401 and 403 carry no fields.
                if (code.startsWith("2") || code.startsWith("4") && !code.equals("401") && !code.equals("403")) {
                    answer.addHeader(RateLimitAnswer.POLICY_HEADER,
                            header("The limit this call counts against: \"<policy>\";q=<calls>;w=<seconds> (draft-ietf-httpapi-ratelimit-headers).", "string"));
                    answer.addHeader(RateLimitAnswer.STATE_HEADER,
                            header("What is left of it: \"<policy>\";r=<calls left>;t=<seconds until whole again>.", "string"));
                }
            });
        }
    }

    /** The answer with this status, as problem+json; a description the operation gave is kept. */
    private static void problem(APIResponses responses, String status, String description) {
        APIResponse answer = responses.getAPIResponse(status);
        if (answer == null) {
            answer = OASFactory.createAPIResponse().description(description);
            responses.addAPIResponse(status, answer);
        } else if (answer.getDescription() == null || answer.getDescription().isBlank()
                || answer.getDescription().equals("Not Authorized") || answer.getDescription().equals("Not Allowed")) {
            answer.setDescription(description);
        }
        if (answer.getContent() == null || answer.getContent().getMediaType(Problem.MEDIA_TYPE) == null) {
            Content content = answer.getContent() == null ? OASFactory.createContent() : answer.getContent();
            content.addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
            answer.setContent(content);
        }
    }

    private static Header header(String description, String type) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType("integer".equals(type) ? Schema.SchemaType.INTEGER : Schema.SchemaType.STRING)
                        .maxLength("integer".equals(type) ? null : 200));
    }

    private static void addSchemas(Components components) {
        Schema field = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(200)
                        .description("The field, parameter or header at fault, such as woman.phone or If-Match."))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(500));
        Schema problem = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details. Never a stack trace, a class name or personal data.")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri").maxLength(200))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(200))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.valueOf(400))
                        .maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(1000))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).maxItems(100).items(field))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(100)
                        .description("urn:uuid:<error id> of a 500, the id of its log line."))
                .example(Map.of("type", "https://qnet.rodekors.dk/problems/invalid-request", "title", "Invalid request", "status", 400,
                        "detail", "The request has 1 invalid field(s).",
                        "errors", List.of(Map.of("field", "woman.phone", "message", "must be +45 and 8 digits"))));
        components.addSchema("Problem", problem);
    }
}
