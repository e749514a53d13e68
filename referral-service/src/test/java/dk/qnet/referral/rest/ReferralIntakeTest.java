package dk.qnet.referral.rest;

import static dk.qnet.referral.ReferralFixtures.PROBLEM;
import static dk.qnet.referral.ReferralFixtures.body;
import static dk.qnet.referral.ReferralFixtures.post;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.qnet.contracts.EventHeaders;
import dk.qnet.contracts.Topics;
import dk.qnet.referral.ReferralFixtures;
import dk.qnet.testing.KafkaProbe;
import dk.qnet.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReferralIntakeTest {

    @Inject
    EntityManager em;

    long count(String table) {
        return ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue();
    }

    @Test
    void aShelterCreatesARoutedReferralPublishedWithoutPersonalData() throws Exception {
        String id = post(TestTokens.shelter("shelter-odense"), body("0461"))
                .then().log().ifValidationFails()
                .statusCode(201)
                .header("Location", startsWith("http"))
                .body("status", equalTo("RECEIVED"))
                .body("networkId", equalTo("net-odense"))
                .body("unrouted", equalTo(false))
                .body("senderType", equalTo("SHELTER"))
                .body("children.birthYear", containsInAnyOrder(2017, 2021))
                .body("matching.languages", containsInAnyOrder("da", "ar"))
                .body("personalData", nullValue())
                .extract().path("id");

        ConsumerRecord<String, String> event = await().atMost(Duration.ofSeconds(30)).until(
                () -> KafkaProbe.readAll(Topics.REFERRALS).stream().filter(r -> id.equals(r.key())).findFirst().orElse(null),
                notNullValue());
        assertEquals("ReferralReceived", KafkaProbe.header(event, EventHeaders.EVENT_TYPE));
        assertEquals("1", KafkaProbe.header(event, EventHeaders.SCHEMA_VERSION));
        UUID.fromString(KafkaProbe.header(event, EventHeaders.EVENT_ID));
        Instant.parse(KafkaProbe.header(event, EventHeaders.OCCURRED_AT));

        JsonNode payload = ReferralFixtures.JSON.readTree(event.value());
        Set<String> fields = new TreeSet<>();
        payload.fieldNames().forEachRemaining(fields::add);
        assertEquals(Set.of("referralId", "receivedAt", "municipalityCode", "networkId", "senderType",
                "childrenBirthYears", "consentScopes", "matching"), fields, "the event carries only non-identifying fields");
        for (String personal : List.of("Amira", "Hansen", "20 30 40 50", "20304050", "amira@", "kl. 10", "børn", "shelter-odense")) {
            assertFalse(event.value().contains(personal), "the event must not carry " + personal);
        }
    }

    /** The shelter's request and its event are one trace: the intake's trace context travels in the outbox to the Kafka header. */
    @Test
    void theEventCarriesTheTraceOfTheRequestThatCausedIt() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String id = given().auth().oauth2(TestTokens.shelter("shelter-odense")).contentType(io.restassured.http.ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body(body("0461").toString()).post("/api/v1/referrals")
                .then().statusCode(201).extract().path("id");
        ConsumerRecord<String, String> event = await().atMost(Duration.ofSeconds(30)).until(
                () -> KafkaProbe.readAll(Topics.REFERRALS).stream().filter(r -> id.equals(r.key())).findFirst().orElse(null),
                notNullValue());
        String traceparent = KafkaProbe.header(event, EventHeaders.TRACEPARENT);
        assertTrue(traceparent != null && traceparent.matches("00-" + traceId + "-[0-9a-f]{16}-0[01]"), "traceparent: " + traceparent);
        assertFalse(traceparent.contains("00f067aa0ba902b7"), "the event's parent is the service's own span, not the caller's");

        // Without a caller's trace, the request starts one, and the event carries it all the same.
        String other = ReferralFixtures.create(TestTokens.shelter("shelter-odense"), "0461");
        ConsumerRecord<String, String> second = await().atMost(Duration.ofSeconds(30)).until(
                () -> KafkaProbe.readAll(Topics.REFERRALS).stream().filter(r -> other.equals(r.key())).findFirst().orElse(null),
                notNullValue());
        String fresh = KafkaProbe.header(second, EventHeaders.TRACEPARENT);
        assertTrue(fresh != null && fresh.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]") && !fresh.contains(traceId), "traceparent: " + fresh);
    }

    /** What an on-call person watches: the outbox, the relay, webhooks, the audit chain and intake by outcome. */
    @Test
    void theOnCallMetricsAreExposed() {
        String id = ReferralFixtures.create(TestTokens.shelter("shelter-odense"), "0461");
        await().atMost(Duration.ofSeconds(30)).until(
                () -> KafkaProbe.readAll(Topics.REFERRALS).stream().anyMatch(r -> id.equals(r.key())));
        ReferralFixtures.post(TestTokens.shelter("shelter-odense"), "{\"unknown\":1}").then().statusCode(400);
        given().auth().oauth2(TestTokens.shelter("shelter-odense")).get("/api/v1/referrals/" + id).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = dk.qnet.testing.PrometheusText.scrape();
            assertTrue(dk.qnet.testing.PrometheusText.sum(metrics, "qnet_outbox_published_total") >= 1, "published");
            assertTrue(dk.qnet.testing.PrometheusText.sum(metrics, "qnet_outbox_publish_failures_total") >= 0, "failures");
            assertTrue(dk.qnet.testing.PrometheusText.sum(metrics, "qnet_outbox_backlog") >= 0, "backlog");
            assertTrue(dk.qnet.testing.PrometheusText.sum(metrics, "qnet_outbox_oldest_age_seconds") >= 0, "oldest age");
            assertTrue(dk.qnet.testing.PrometheusText.sum(metrics, "qnet_webhook_pending") >= 0, "webhooks pending");
            assertTrue(dk.qnet.testing.PrometheusText.sum(metrics, "qnet_audit_appends_total") >= 1, "audit appends");
            for (String status : List.of("201", "400")) {
                assertTrue(dk.qnet.testing.PrometheusText.sum(metrics, "http_server_requests_seconds_count",
                        "method=\"POST\"", "status=\"" + status + "\"", "uri=\"/api/v1/referrals\"") >= 1, "intake " + status);
            }
        });
    }

    @Test
    void aReferralForAMunicipalityNoNetworkCoversIsReceivedButUnrouted() {
        post(TestTokens.shelter("shelter-a"), body("0825"))
                .then().statusCode(201)
                .body("unrouted", equalTo(true))
                .body("networkId", nullValue())
                .body("status", equalTo("RECEIVED"));
        String admin = TestTokens.admin();
        given().auth().oauth2(admin).get("/api/v1/referrals?unrouted=true&size=200")
                .then().statusCode(200).body("items.unrouted", org.hamcrest.Matchers.everyItem(equalTo(true)))
                .body("items.municipalityCode", hasItem("0825"));
    }

    @Test
    void everyInvalidFieldIsNamedAndNothingIsWritten() {
        String token = TestTokens.shelter("shelter-validation");
        long before = count("referral");
        int thisYear = Year.now().getValue();
        ObjectNode bad = body("9999");
        ((ObjectNode) bad.get("woman")).put("phone", "12345678").put("email", "not-an-email").putNull("firstName");
        ((ObjectNode) bad.get("safety")).put("safetyNotes", "x".repeat(2001)).remove("protectedAddress");
        bad.put("expectedMoveOutDate", LocalDate.now().plusYears(2).toString());
        ArrayNode children = bad.putArray("children");
        children.addObject().put("birthYear", thisYear + 1);
        children.addObject().put("birthYear", 1950);
        ((ObjectNode) bad.get("matching")).putArray("languages").add("danish");
        ObjectNode consent = (ObjectNode) bad.get("consent");
        consent.putArray("scopes").add("STATISTICS");
        consent.put("givenAt", "2099-01-01T00:00:00Z").remove("method");

        post(token, bad).then().log().ifValidationFails()
                .statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder(
                        "woman.firstName", "woman.phone", "woman.email", "safety.protectedAddress", "safety.safetyNotes",
                        "municipalityCode", "expectedMoveOutDate", "children[0].birthYear", "children[1].birthYear",
                        "matching.languages[0]", "consent.scopes", "consent.givenAt", "consent.method"));

        ObjectNode eleven = body("0101");
        ArrayNode many = eleven.putArray("children");
        for (int i = 0; i < 11; i++) {
            many.addObject().put("birthYear", 2015);
        }
        post(token, eleven).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("children"));

        // The bounds the OpenAPI document states are the ones enforced: a coded list of 51, a phone of 21 characters.
        ObjectNode overBounds = body("0101");
        ArrayNode needs = ((ObjectNode) overBounds.get("matching")).putArray("needs");
        for (int i = 0; i < dk.qnet.contracts.Limits.MAX_CODES + 1; i++) {
            needs.add("NETWORK");
        }
        ((ObjectNode) overBounds.get("woman")).put("phone", "+45 2 0 3 0 4 0 5 0  ");
        post(token, overBounds).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("matching.needs", "woman.phone"));

        ObjectNode unknown = body("0101");
        ((ObjectNode) unknown.get("woman")).put("cpr", "010190-1234");
        post(token, unknown).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("woman.cpr")).body("errors[0].message", equalTo("unknown field"))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("010190")));

        ObjectNode wrongType = body("0101");
        ((ObjectNode) wrongType.get("safety")).put("protectedAddress", "maybe");
        post(token, wrongType).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("safety.protectedAddress"));

        ObjectNode badEnum = body("0101");
        ((ObjectNode) badEnum.get("consent")).putArray("scopes").add("EVERYTHING");
        post(token, badEnum).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("consent.scopes[0]"));

        post(token, "{\"woman\": ").then().statusCode(400).contentType(PROBLEM).body("title", equalTo("Malformed JSON"));
        post(token, "[]").then().statusCode(400).contentType(PROBLEM);
        post(token, "").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("body"));
        post(token, "{\"municipalityCode\":\"" + "1".repeat(70_000) + "\"}").then().statusCode(413).contentType(PROBLEM);
        given().auth().oauth2(token).contentType(ContentType.TEXT).body("municipalityCode=0101")
                .post("/api/v1/referrals").then().statusCode(415).contentType(PROBLEM);
        given().auth().oauth2(token).header("Idempotency-Key", "k".repeat(201)).contentType(ContentType.JSON)
                .body(body("0101").toString()).post("/api/v1/referrals")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("Idempotency-Key"));

        assertEquals(before, count("referral"), "no invalid request may write anything");
        assertEquals(count("referral where erased_at is null"), count("referral_secret"),
                "no unerased referral without its sealed data, and no orphan secret");
    }

    @Test
    void callersWithoutAValidTokenGet401AndOtherRolesGet403() {
        String body = body("0101").toString();
        given().contentType(ContentType.JSON).body(body).post("/api/v1/referrals")
                .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", startsWith("Bearer"));
        post(TestTokens.expired("shelter", Map.of("org_id", "s")), body).then().statusCode(401).contentType(PROBLEM);
        post(TestTokens.signedByUnknownKey("shelter", Map.of("org_id", "s")), body).then().statusCode(401).contentType(PROBLEM);
        post("not.a.jwt", body).then().statusCode(401).contentType(PROBLEM);
        String wrongAudience = TestTokens.builder("shelter", Map.of("org_id", "s")).audience("another-api")
                .sign(signingKey());
        post(wrongAudience, body).then().statusCode(401).contentType(PROBLEM);

        long before = count("referral");
        for (String token : List.of(TestTokens.coordinator("net-odense"), TestTokens.analyst(), TestTokens.admin())) {
            post(token, body).then().statusCode(403).contentType(PROBLEM).body("status", equalTo(403));
        }
        post(TestTokens.token("shelter", Map.of()), body).then().statusCode(403).contentType(PROBLEM);
        assertEquals(before, count("referral"));
    }

    /**
     * A token OIDC accepted is known until it expires (VerifiedTokens): the second call with it is
     * not verified again, and once its exp has passed it is refused like any expired token.
     */
    @Test
    void aVerifiedTokenIsReusedUntilItExpiresAndThenRefused() throws Exception {
        String id = ReferralFixtures.create(TestTokens.shelter("shelter-odense"), "0461");
        Instant expiresAt = Instant.now().plusSeconds(4);
        String shortLived = TestTokens.builder("shelter", Map.of("org_id", "shelter-odense")).expiresAt(expiresAt).sign(signingKey());
        double reusedBefore = dk.qnet.testing.PrometheusText.sum(dk.qnet.testing.PrometheusText.scrape(), "qnet_tokens_reused_total");
        given().auth().oauth2(shortLived).get("/api/v1/referrals/" + id).then().statusCode(200);
        given().auth().oauth2(shortLived).get("/api/v1/referrals/" + id).then().statusCode(200);
        double reusedAfter = dk.qnet.testing.PrometheusText.sum(dk.qnet.testing.PrometheusText.scrape(), "qnet_tokens_reused_total");
        assertTrue(reusedAfter >= reusedBefore + 1, "the second call reused the verified token: " + reusedBefore + " -> " + reusedAfter);

        await().atMost(Duration.ofSeconds(15)).until(() -> Instant.now().isAfter(expiresAt.plusSeconds(1)));
        given().auth().oauth2(shortLived).get("/api/v1/referrals/" + id).then().statusCode(401).contentType(PROBLEM);
    }

    private static java.security.PrivateKey signingKey() {
        try {
            String encoded = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getValue(dk.qnet.testing.QnetInfrastructure.SIGNING_KEY_PROPERTY, String.class);
            return java.security.KeyFactory.getInstance("RSA").generatePrivate(
                    new java.security.spec.PKCS8EncodedKeySpec(java.util.Base64.getDecoder().decode(encoded)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void unknownPathsWrongMethodsAndWrongAcceptAreProblemJson() {
        // A person who opens the service's root in a browser is sent on to her pages (login first), not to a 404.
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/sider/"));
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
        String body = body("0461").toString();
        long before = count("referral");

        Response first = given().auth().oauth2(token).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/referrals");
        Response again = given().auth().oauth2(token).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/referrals");
        first.then().statusCode(201);
        again.then().statusCode(201);
        assertEquals(first.path("id").toString(), again.path("id").toString());
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(before + 1, count("referral"));

        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body("0461", "Other", "Name", "+4511223344", "").toString()).post("/api/v1/referrals")
                .then().statusCode(422).contentType(PROBLEM);

        String other = given().auth().oauth2(TestTokens.shelter("shelter-other")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/referrals")
                .then().statusCode(201).extract().path("id");
        assertNotEquals(first.path("id").toString(), other, "keys belong to one organisation");
        assertEquals(before + 2, count("referral"));
    }

    @Test
    void concurrentRetriesWithOneKeyStillCreateOneReferral() throws Exception {
        String token = TestTokens.shelter("shelter-race");
        String key = UUID.randomUUID().toString();
        String body = body("0101").toString();
        long before = count("referral");
        var pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> given().auth().oauth2(token).header("Idempotency-Key", key)
                        .contentType(ContentType.JSON).body(body).post("/api/v1/referrals")
                        .then().statusCode(201).extract().<String>path("id")));
            }
            Set<String> ids = new HashSet<>();
            for (var r : results) {
                ids.add(r.get());
            }
            assertEquals(1, ids.size());
        } finally {
            pool.shutdown();
        }
        assertEquals(before + 1, count("referral"));
    }

    @Test
    void aClientAboveTheIntakeLimitGets429WithRetryAfterAndOthersGoOn() {
        String token = TestTokens.shelter("shelter-flood");
        int limit = 40;
        int accepted = 0;
        Response refused = null;
        // Invalid bodies cost nothing to store; the limit counts them all the same.
        while (accepted < 3 * limit) {
            Response r = post(token, "{}");
            if (r.statusCode() == 429) {
                refused = r;
                break;
            }
            assertEquals(400, r.statusCode());
            if (accepted == 0) {
                // A refused body is answered with the limit it used up, as a served one is.
                r.then().header("RateLimit-Policy", "\"intake\";q=" + limit + ";w=60")
                        .header("RateLimit", org.hamcrest.Matchers.matchesPattern("\"intake\";r=" + (limit - 1) + ";t=[0-9]+"));
            }
            accepted++;
        }
        org.junit.jupiter.api.Assertions.assertNotNull(refused, "no 429 after " + accepted + " requests");
        org.junit.jupiter.api.Assertions.assertTrue(accepted >= limit, "refused after only " + accepted);
        refused.then().contentType(PROBLEM).header("Retry-After", notNullValue()).body("status", equalTo(429))
                .header("RateLimit-Policy", "\"intake\";q=" + limit + ";w=60")
                .header("RateLimit", org.hamcrest.Matchers.matchesPattern("\"intake\";r=0;t=[1-9][0-9]*"));
        // Another client is not slowed by the first.
        post(TestTokens.shelter("shelter-flood"), body("0101")).then().statusCode(201)
                .header("RateLimit", org.hamcrest.Matchers.matchesPattern("\"intake\";r=" + (limit - 1) + ";t=[0-9]+"));
        // A call outside the intake counts against the API-wide limit only, and names that one.
        given().auth().oauth2(token).get("/api/v1/referrals").then().statusCode(200)
                .header("RateLimit-Policy", org.hamcrest.Matchers.startsWith("\"api\";q="))
                .header("RateLimit", org.hamcrest.Matchers.matchesPattern("\"api\";r=[0-9]+;t=[0-9]+"));
        // Every answer under /api/ carries the fields, a 404 and a refused token's 401 too.
        given().auth().oauth2(token).get("/api/v1/referrals/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .header("RateLimit-Policy", org.hamcrest.Matchers.startsWith("\"api\";q="));
        given().auth().oauth2("not-a-token").get("/api/v1/referrals").then().statusCode(401)
                .header("RateLimit-Policy", org.hamcrest.Matchers.startsWith("\"api\";q="));
    }

    @Test
    void readinessReportsWhatARequestNeedsTheOutboxIsInTheDetailsAndOpenApiIsServed() {
        // A broker outage must not take the service out of service: Kafka is not in readiness.
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(org.hamcrest.Matchers.containsString("Database")))
                .body("checks.name", hasItem("event consumers"))
                .body("checks.name", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsStringIgnoringCase("kafka"))));
        given().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'outbox to Kafka' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox to Kafka' }.data.publishing", equalTo("yes"));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/referrals"));
    }
}
