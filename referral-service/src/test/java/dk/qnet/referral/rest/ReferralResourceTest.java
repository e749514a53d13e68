package dk.qnet.referral.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.qnet.contracts.EventHeaders;
import dk.qnet.contracts.Topics;
import dk.qnet.testing.KafkaProbe;
import dk.qnet.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReferralResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    EntityManager em;

    static String body(String municipality, int... birthYears) {
        String children = java.util.Arrays.stream(birthYears)
                .mapToObj(y -> "{\"birthYear\":" + y + "}")
                .collect(Collectors.joining(","));
        return """
                {"municipalityCode":"%s","children":[%s],
                 "consent":{"scopes":["QNET_CONTACT","STATISTICS"],"givenAt":"2026-11-20T10:00:00Z","method":"WRITTEN"}}
                """.formatted(municipality, children);
    }

    static Response post(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/referrals");
    }

    long referralCount() {
        return ((Number) em.createNativeQuery("select count(*) from referral").getSingleResult()).longValue();
    }

    @Test
    void shelterCreatesAReferralThatIsRoutedAndPublishedWithoutPersonalData() throws Exception {
        String id = post(TestTokens.shelter("shelter-odense"), body("0461", 2018, 2022))
                .then().log().ifValidationFails()
                .statusCode(201)
                .header("Location", startsWith("http"))
                .body("status", equalTo("RECEIVED"))
                .body("municipalityCode", equalTo("0461"))
                .body("networkId", equalTo("net-odense"))
                .body("unrouted", equalTo(false))
                .body("senderType", equalTo("SHELTER"))
                .body("childrenBirthYears", contains(2018, 2022))
                .extract().path("id");

        ConsumerRecord<String, String> event = await().atMost(Duration.ofSeconds(30)).until(
                () -> KafkaProbe.readAll(Topics.REFERRALS).stream().filter(r -> id.equals(r.key())).findFirst().orElse(null),
                notNullValue());
        assertEquals("ReferralReceived", KafkaProbe.header(event, EventHeaders.EVENT_TYPE));
        assertEquals("1", KafkaProbe.header(event, EventHeaders.SCHEMA_VERSION));
        UUID.fromString(KafkaProbe.header(event, EventHeaders.EVENT_ID));
        Instant.parse(KafkaProbe.header(event, EventHeaders.OCCURRED_AT));

        JsonNode payload = new ObjectMapper().readTree(event.value());
        assertEquals(id, payload.get("referralId").asText());
        assertEquals("net-odense", payload.get("networkId").asText());
        assertEquals("SHELTER", payload.get("senderType").asText());
        Set<String> fields = new java.util.TreeSet<>();
        payload.fieldNames().forEachRemaining(fields::add);
        assertEquals(Set.of("referralId", "receivedAt", "municipalityCode", "networkId", "senderType",
                "childrenBirthYears", "consentScopes"), fields, "the event carries only non-identifying fields");
        assertFalse(event.value().contains("shelter-odense"), "the sender's organisation id stays in this service");
    }

    @Test
    void aReferralForAMunicipalityNoNetworkCoversIsReceivedButUnrouted() {
        post(TestTokens.shelter("shelter-a"), body("0825"))
                .then().statusCode(201)
                .body("unrouted", equalTo(true))
                .body("networkId", nullValue())
                .body("status", equalTo("RECEIVED"));
    }

    @Test
    void onlyTheSenderAndAdminSeeAReferral() {
        String token = TestTokens.shelter("shelter-owner");
        String id = post(token, body("0101")).then().statusCode(201).extract().path("id");

        given().auth().oauth2(token).get("/api/v1/referrals/" + id)
                .then().statusCode(200).body("id", equalTo(id));
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/referrals/" + id)
                .then().statusCode(200).body("id", equalTo(id));

        for (String stranger : List.of(TestTokens.shelter("another-shelter"), TestTokens.adviser("0101"),
                TestTokens.coordinator("net-odense"))) {
            given().auth().oauth2(stranger).get("/api/v1/referrals/" + id)
                    .then().log().ifValidationFails()
                    .statusCode(404)
                    .contentType(PROBLEM)
                    .body("status", equalTo(404))
                    .body("detail", not(org.hamcrest.Matchers.containsString(id)));
        }
        // An unknown id and a malformed id look exactly like a foreign one.
        given().auth().oauth2(token).get("/api/v1/referrals/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token).get("/api/v1/referrals/not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void anAdviserSeesTheReferralsItsMunicipalitySent() {
        String token = TestTokens.adviser("0751");
        String id = post(token, body("0751")).then().statusCode(201)
                .body("senderType", equalTo("MUNICIPALITY")).extract().path("id");
        given().auth().oauth2(token).get("/api/v1/referrals/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.adviser("0101")).get("/api/v1/referrals/" + id).then().statusCode(404);
    }

    @Test
    void callersWithoutAValidTokenGet401ProblemJson() {
        String body = body("0101");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/referrals")
                .then().statusCode(401).contentType(PROBLEM).body("status", equalTo(401))
                .header("WWW-Authenticate", startsWith("Bearer"));
        post(TestTokens.expired("shelter", Map.of("org_id", "s")), body)
                .then().statusCode(401).contentType(PROBLEM);
        post(TestTokens.signedByUnknownKey("shelter", Map.of("org_id", "s")), body)
                .then().statusCode(401).contentType(PROBLEM);
        post("not.a.jwt", body).then().statusCode(401).contentType(PROBLEM);
        given().get("/api/v1/referrals/" + UUID.randomUUID()).then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void rolesThatMayNotSendGet403ProblemJson() {
        long before = referralCount();
        for (String token : List.of(TestTokens.coordinator("net-odense"), TestTokens.analyst(), TestTokens.admin())) {
            post(token, body("0101")).then().log().ifValidationFails()
                    .statusCode(403).contentType(PROBLEM).body("status", equalTo(403));
        }
        // A shelter token without its org_id claim cannot send on behalf of nobody.
        post(TestTokens.token("shelter", Map.of()), body("0101")).then().statusCode(403).contentType(PROBLEM);
        assertEquals(before, referralCount());
    }

    @Test
    void invalidBodiesGet400NamingEachFieldAndWriteNothing() {
        String token = TestTokens.shelter("shelter-validation");
        long before = referralCount();
        int thisYear = java.time.Year.now().getValue();

        post(token, """
                {"municipalityCode":"9999","children":[{"birthYear":%d},{"birthYear":1950}],
                 "consent":{"scopes":["STATISTICS"],"givenAt":"2099-01-01T00:00:00Z"}}
                """.formatted(thisYear + 1))
                .then().log().ifValidationFails()
                .statusCode(400).contentType(PROBLEM)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder(
                        "municipalityCode", "children[0].birthYear", "children[1].birthYear",
                        "consent.scopes", "consent.givenAt", "consent.method"));

        post(token, "{\"municipalityCode\":\"0101\",\"consent\":{\"scopes\":[\"QNET_CONTACT\"],"
                + "\"givenAt\":\"2026-11-20T10:00:00Z\",\"method\":\"WRITTEN\"},\"firstName\":\"x\"}")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("firstName"))
                .body("errors[0].message", equalTo("unknown field"));

        post(token, "{\"municipalityCode\":\"0101\",\"children\":[{\"birthYear\":\"twenty\"}]}")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("children[0].birthYear"));

        post(token, "{\"municipalityCode\":\"0101\",\"consent\":{\"scopes\":[\"EVERYTHING\"]}}")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("consent.scopes[0]"));

        post(token, "{\"municipalityCode\": ").then().statusCode(400).contentType(PROBLEM)
                .body("title", equalTo("Malformed JSON"));
        post(token, "[]").then().statusCode(400).contentType(PROBLEM);
        post(token, "").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("body"));

        String eleven = body("0101", 2015, 2015, 2015, 2015, 2015, 2015, 2015, 2015, 2015, 2015, 2015);
        post(token, eleven).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("children"));

        String huge = "{\"municipalityCode\":\"" + "1".repeat(70_000) + "\"}";
        post(token, huge).then().statusCode(413).contentType(PROBLEM);

        given().auth().oauth2(token).contentType(ContentType.TEXT).body("municipalityCode=0101")
                .post("/api/v1/referrals").then().statusCode(415).contentType(PROBLEM);

        assertEquals(before, referralCount(), "no invalid request may write anything");
    }

    @Test
    void unknownPathsAndMethodsAreProblemJson() {
        String token = TestTokens.shelter("s");
        given().auth().oauth2(token).get("/api/v1/nothing-here").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token).delete("/api/v1/referrals").then().statusCode(405).contentType(PROBLEM);
        given().auth().oauth2(token).accept("application/xml").get("/api/v1/referrals/" + UUID.randomUUID())
                .then().statusCode(406).contentType(PROBLEM);
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyCreatesOneReferral() {
        String token = TestTokens.shelter("shelter-retry");
        String key = UUID.randomUUID().toString();
        String body = body("0461", 2019);
        long before = referralCount();

        Response first = given().auth().oauth2(token).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/referrals");
        Response again = given().auth().oauth2(token).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/referrals");

        first.then().statusCode(201);
        again.then().statusCode(201);
        assertEquals(first.path("id").toString(), again.path("id").toString());
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(before + 1, referralCount());

        given().auth().oauth2(token).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body("0461", 2020)).post("/api/v1/referrals")
                .then().statusCode(422).contentType(PROBLEM);

        // Keys belong to an organisation: another shelter's same key is its own referral.
        String other = given().auth().oauth2(TestTokens.shelter("shelter-other")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/referrals")
                .then().statusCode(201).extract().path("id");
        assertTrue(!other.equals(first.path("id").toString()));
        assertEquals(before + 2, referralCount());
    }

    @Test
    void concurrentRetriesWithOneKeyStillCreateOneReferral() throws Exception {
        String token = TestTokens.shelter("shelter-race");
        String key = UUID.randomUUID().toString();
        String body = body("0101");
        long before = referralCount();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> given().auth().oauth2(token).header("Idempotency-Key", key)
                        .contentType(ContentType.JSON).body(body).post("/api/v1/referrals")
                        .then().statusCode(201).extract().<String>path("id")));
            }
            Set<String> ids = new java.util.HashSet<>();
            for (var r : results) {
                ids.add(r.get());
            }
            assertEquals(1, ids.size());
        } finally {
            pool.shutdown();
        }
        assertEquals(before + 1, referralCount());
    }

    @Test
    void readinessReportsDatabaseAndKafkaAndOpenApiIsServed() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(org.hamcrest.Matchers.containsString("Database")))
                .body("checks.name", hasItem(org.hamcrest.Matchers.containsString("Kafka")));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/referrals"));
    }
}
