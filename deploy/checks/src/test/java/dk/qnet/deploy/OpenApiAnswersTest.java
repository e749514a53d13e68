package dk.qnet.deploy;

import static dk.qnet.deploy.DeploymentChecksTest.SERVICES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract says what the services answer: in each service's build-time OpenAPI document,
 * every error answer of every API operation is application/problem+json with the Problem schema,
 * an operation that takes If-Match can answer 412, and an operation with a rate limit documents
 * the RateLimit fields on what it answers and Retry-After on its 429.
 */
class OpenApiAnswersTest {

    static Map<String, JsonNode> documents = new java.util.TreeMap<>();

    @BeforeAll
    static void load() throws IOException {
        Path root = Path.of(System.getProperty("qnet.project.root", "../..")).toAbsolutePath().normalize();
        for (String service : SERVICES) {
            Path doc = root.resolve(service + "/target/openapi/openapi.json");
            assertTrue(Files.exists(doc), doc + " is written by the service's build (run the build first: ./mvnw install)");
            documents.put(service, new ObjectMapper().readTree(doc.toFile()));
        }
    }

    record Op(String service, String path, String method, JsonNode operation) {
        String name() {
            return service + " " + method.toUpperCase() + " " + path;
        }
    }

    static List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        documents.forEach((service, doc) -> doc.path("paths").fields().forEachRemaining(p -> {
            if (p.getKey().startsWith("/api/")) {
                p.getValue().fields().forEachRemaining(m -> {
                    if (m.getValue().has("responses")) {
                        ops.add(new Op(service, p.getKey(), m.getKey(), m.getValue()));
                    }
                });
            }
        }));
        return ops;
    }

    @Test
    void everyErrorAnswerIsProblemJson() {
        List<String> undocumented = new ArrayList<>();
        int answers = 0;
        for (Op op : operations()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = op.operation().path("responses").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> answer = it.next();
                if (answer.getKey().startsWith("4") || answer.getKey().startsWith("5")) {
                    answers++;
                    // A FHIR operation answers its errors as a FHIR OperationOutcome; only the router's 429 stays problem+json.
                    boolean fhir = op.operation().path("responses").path("200").path("content").has("application/fhir+json")
                            && !answer.getKey().equals("429");
                    String ref = answer.getValue().path("content").path(fhir ? "application/fhir+json" : "application/problem+json")
                            .path("schema").path("$ref").asText();
                    if (!ref.equals(fhir ? "#/components/schemas/OperationOutcome" : "#/components/schemas/Problem")) {
                        undocumented.add(op.name() + " " + answer.getKey());
                    }
                }
            }
            for (String status : List.of("401", "500")) {
                if (!op.operation().path("responses").has(status)) {
                    undocumented.add(op.name() + " lacks " + status);
                }
            }
        }
        assertTrue(answers > 200, "error answers found: " + answers);
        assertEquals(List.of(), undocumented);
        documents.forEach((service, doc) -> assertTrue(doc.path("components").path("schemas").path("Problem").has("example"),
                service + " documents the Problem schema with an example"));
    }

    @Test
    void anOperationThatTakesIfMatchCanAnswer412() {
        int found = 0;
        for (Op op : operations()) {
            boolean ifMatch = false;
            for (JsonNode p : op.operation().path("parameters")) {
                ifMatch |= p.path("name").asText().equals("If-Match") && p.path("in").asText().equals("header");
            }
            if (ifMatch) {
                found++;
                assertTrue(op.operation().path("responses").has("412"), op.name() + " takes If-Match but documents no 412");
            }
        }
        assertTrue(found >= 10, "operations with If-Match: " + found);
    }

    /** Lists a domain rule keeps small, answered whole: the reason beside each. */
    static final Map<String, String> WHOLE_LISTS = Map.of(
            "referral-service get /api/v1/referrals/{id}/history", "a referral's lifecycle has at most a dozen steps (the answer stops at ReferralService.MAX_HISTORY)",
            "referral-service get /api/v1/admin/master-keys", "the master keys in use: a handful",
            "referral-service get /api/v1/referrals/{id}/aftercare/history", "one woman's window and plan of at most 50 goals: tens of steps (the answer stops at AftercareService.MAX_STEPS)",
            "matching-service get /api/v1/networks", "Qnet's networks: about 33",
            "matching-service get /api/v1/matches/{id}/outcomes", "one rating per timepoint of a match",
            "matching-service post /api/v1/networks/{networkId}/matching-runs", "a run's proposals: at most one per waiting woman of one network");

    /** One pagination style: every other list answers a page ({items, page, size, total}) and takes page and size, bounded. */
    @Test
    void everyListIsAPageWithBoundedParameters() {
        List<String> unpaged = new ArrayList<>();
        int pages = 0;
        for (Op op : operations()) {
            JsonNode ok = op.operation().path("responses").path("200").path("content").path("application/json").path("schema");
            String name = op.service() + " " + op.method() + " " + op.path();
            if (ok.path("type").asText().equals("array") && !WHOLE_LISTS.containsKey(name)) {
                unpaged.add(name);
            }
            if (ok.path("$ref").asText().startsWith("#/components/schemas/Page")) {
                pages++;
                for (String param : List.of("page", "size")) {
                    JsonNode found = null;
                    for (JsonNode p : op.operation().path("parameters")) {
                        if (p.path("name").asText().equals(param) && p.path("in").asText().equals("query")) {
                            found = p;
                        }
                    }
                    assertTrue(found != null, name + " takes " + param);
                    assertEquals("integer", found.path("schema").path("type").asText(), name + " " + param);
                    assertTrue(found.path("schema").has("minimum") && found.path("schema").has("maximum"), name + " bounds " + param);
                }
            }
        }
        assertEquals(List.of(), unpaged, "lists answered whole without a reviewed reason");
        assertTrue(pages >= 7, "paged lists: " + pages);
    }

    /** Every call counts against a limit (ApiRateLimit, or the operation's own): every operation can answer 429, and every 2xx and 4xx answer names the limit. */
    @Test
    void everyOperationDocumentsItsRateLimit() {
        List<String> undocumented = new ArrayList<>();
        int operations = 0;
        for (Op op : operations()) {
            operations++;
            JsonNode responses = op.operation().path("responses");
            if (!responses.path("429").path("headers").has("Retry-After")) {
                undocumented.add(op.name() + ": 429 with Retry-After");
            }
            responses.fields().forEachRemaining(answer -> {
                if ((answer.getKey().startsWith("2") || answer.getKey().startsWith("4"))
                        && !(answer.getValue().path("headers").has("RateLimit") && answer.getValue().path("headers").has("RateLimit-Policy"))) {
                    undocumented.add(op.name() + " " + answer.getKey() + ": RateLimit and RateLimit-Policy");
                }
            });
        }
        assertEquals(List.of(), undocumented);
        assertTrue(operations > 50, "operations: " + operations);
    }
}
