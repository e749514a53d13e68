package dk.qnet.platform.openapi;

import dk.qnet.contracts.network.NetworkIds;
import dk.qnet.platform.paging.PageRequest;
import dk.qnet.platform.problem.IfMatch;
import dk.qnet.platform.problem.Problem;
import dk.qnet.platform.ratelimit.ApiRateLimit;
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
 * 403, 429 and 500. Every call counts against a rate limit ({@link ApiRateLimit}, or a narrower
 * one the operation declares with its own 429), so every 2xx and 4xx answer carries the RateLimit
 * and RateLimit-Policy fields and every 429 Retry-After. Strings whose format fixes their length
 * (uuid, date, date-time) get that length as maxLength ({@link FormatLimits}), and the document
 * names the production API host as its server.
 */
public class ProblemAnswersFilter implements OASFilter {

    static final String PROBLEM_REF = "#/components/schemas/Problem";
    static final java.util.Set<String> ID_PARAMETERS = java.util.Set.of("id", "referralId", "registrationId", "enrolmentId", "goalId");
    static final String PRODUCTION_SERVER = "https://api.qnet.example.org";
    /** The longest wait a refusal can name: a bucket of at least one call a minute is whole again within 60 s. */
    static final int MAX_RETRY_AFTER_SECONDS = 60;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        addSchemas(openAPI.getComponents());
        FormatLimits.apply(openAPI);
        openAPI.setServers(List.of(OASFactory.createServer().url(PRODUCTION_SERVER)
                .description("production: the API host of deploy/kubernetes (qnet.example.org stands for the operator's domain); "
                        + "locally ./qnet serves each service on its own port (README)")
                .addExtension("x-internal", false)));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> op : item.getOperations().entrySet()) {
                document(path, item, op.getValue());
                if (answersFhir(op.getValue())) {
                    fhirErrors(openAPI.getComponents(), op.getValue());
                }
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
            describe(p);
            // The list parameters are read as text (so that "x" is a 400 naming it), but are whole numbers within PageRequest's bounds.
            if (p.getIn() == Parameter.In.QUERY && ("page".equals(p.getName()) || "size".equals(p.getName()))) {
                boolean page = "page".equals(p.getName());
                p.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
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
        // Every call counts against the caller's limit (ApiRateLimit) or a narrower one the operation declared with its 429.
        problem(responses, "429", "Too many calls from this caller (RateLimit-Policy names the limit); Retry-After says when to call again.");
        responses.getAPIResponse("429").addHeader("Retry-After", header("Seconds to wait before the next call.", "integer"));
        responses.getAPIResponses().forEach((code, answer) -> {
            if (code.startsWith("2") || code.startsWith("4")) {
                answer.addHeader(RateLimitAnswer.POLICY_HEADER, header("The limit this call counted against: \"<policy>\";q=<calls>;w=<seconds>, "
                        + "\"" + ApiRateLimit.POLICY + "\" or the operation's own (draft-ietf-httpapi-ratelimit-headers).", "string"));
                answer.addHeader(RateLimitAnswer.STATE_HEADER,
                        header("What is left of it: \"<policy>\";r=<calls left>;t=<seconds until whole again>.", "string"));
            }
        });
    }

    static final String FHIR_MEDIA_TYPE = "application/fhir+json";
    static final String OPERATION_OUTCOME_REF = "#/components/schemas/OperationOutcome";

    private static boolean answersFhir(Operation operation) {
        APIResponse ok = operation.getResponses() == null ? null : operation.getResponses().getAPIResponse("200");
        return ok != null && ok.getContent() != null && ok.getContent().getMediaType(FHIR_MEDIA_TYPE) != null;
    }

    /**
     * An operation that answers FHIR gives its errors as a FHIR OperationOutcome
     * (application/fhir+json), as a FHIR client expects; only the API-wide limit's 429, refused
     * by the router before the operation is chosen, stays problem+json.
     */
    private static void fhirErrors(Components components, Operation operation) {
        if (components.getSchemas() == null || !components.getSchemas().containsKey("OperationOutcome")) {
            Schema issue = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                    .addProperty("severity", OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(List.of("error")))
                    .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(40)
                            .description("FHIR's issue type, such as not-found or forbidden."))
                    .addProperty("diagnostics", OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(1000));
            components.addSchema("OperationOutcome", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                    .description("A FHIR R4 OperationOutcome (http://hl7.org/fhir/R4/operationoutcome.html) with one issue.")
                    .addProperty("resourceType", OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(List.of("OperationOutcome")))
                    .addProperty("issue", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).maxItems(1).items(issue)));
        }
        operation.getResponses().getAPIResponses().forEach((code, answer) -> {
            if ((code.startsWith("4") || code.startsWith("5")) && !code.equals("429")) {
                answer.setContent(OASFactory.createContent().addMediaType(FHIR_MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(OPERATION_OUTCOME_REF))));
            }
        });
    }

    /** The parameters every service takes, described once from the code that reads them. */
    private static void describe(Parameter p) {
        if (p.getIn() == Parameter.In.PATH && ID_PARAMETERS.contains(p.getName())) {
            // PathIds.uuidOrNotFound: anything but a UUID is answered like an unknown id.
            p.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uuid").maxLength(FormatLimits.LENGTH.get("uuid")));
            p.setDescription("A UUID; a malformed one is answered like an unknown one (404).");
        } else if (p.getIn() == Parameter.In.PATH && "networkId".equals(p.getName())) {
            p.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern("^" + NetworkIds.REGEX + "$")
                    .maxLength(NetworkIds.MAX_LENGTH));
            p.setDescription("A network's id, such as net-odense.");
        } else if (p.getIn() == Parameter.In.HEADER && IfMatch.HEADER.equalsIgnoreCase(p.getName())) {
            p.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(IfMatch.MAX_LENGTH));
            p.setDescription("The ETag the caller read, such as \"3\" (at most " + IfMatch.MAX_TAGS
                    + "); the change applies only to that version, else 412.");
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
                .schema("integer".equals(type)
                        ? OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                                .minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(MAX_RETRY_AFTER_SECONDS))
                        : OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(200));
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
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32").minimum(java.math.BigDecimal.valueOf(400))
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
