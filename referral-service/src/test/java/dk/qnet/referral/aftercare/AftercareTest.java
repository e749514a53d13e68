package dk.qnet.referral.aftercare;

import static dk.qnet.referral.ReferralFixtures.PROBLEM;
import static dk.qnet.referral.ReferralFixtures.body;
import static dk.qnet.referral.ReferralFixtures.post;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.qnet.contracts.EventHeaders;
import dk.qnet.contracts.Topics;
import dk.qnet.testing.KafkaProbe;
import dk.qnet.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The §109 workspace through the API, on a real PostgreSQL and Kafka: who sees her aftercare, the
 * move-out and the window, the one extension, the plan and who may move which goal, the warnings
 * and the close, and erasure.
 */
@QuarkusTest
class AftercareTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Copenhagen"));

    @Inject
    EntityManager em;

    @Inject
    AftercareWatch watch;

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String referral(String shelter, String municipality, boolean shareWithMunicipality) {
        ObjectNode body = body(municipality);
        if (!shareWithMunicipality) {
            ArrayNode scopes = (ArrayNode) body.path("consent").path("scopes");
            scopes.removeAll();
            scopes.add("QNET_CONTACT").add("STATISTICS");
        }
        return post(shelter, body).then().statusCode(201).extract().path("id");
    }

    static String path(String id) {
        return "/api/v1/referrals/" + id + "/aftercare";
    }

    List<String> eventsOf(String id, String type) {
        return KafkaProbe.readAll(Topics.REFERRALS).stream().filter(r -> id.equals(r.key()))
                .filter(r -> type.equals(KafkaProbe.header(r, EventHeaders.EVENT_TYPE))).map(ConsumerRecord::value).toList();
    }

    @Test
    void theAdvisersCaseloadHoldsTheWomenOfHerMunicipalityWhoConsentedAndNobodyElse() {
        String shelter = TestTokens.shelter("aftercare-caseload");
        String shared = referral(shelter, "0461", true);
        String unshared = referral(shelter, "0461", false);
        String elsewhere = referral(shelter, "0101", true);
        String adviser = TestTokens.adviser("0461");

        as(adviser).get("/api/v1/aftercare/caseload?size=200").then().statusCode(200)
                .body("items.referralId", hasItem(shared))
                .body("items.referralId", not(hasItem(unshared)))
                .body("items.referralId", not(hasItem(elsewhere)));
        as(adviser).get(path(shared)).then().statusCode(200).body("referralId", equalTo(shared)).body("window", nullValue());
        for (String hidden : List.of(unshared, elsewhere)) {
            as(adviser).get(path(hidden)).then().statusCode(404).contentType(PROBLEM);
            as(adviser).get(path(hidden) + "/history").then().statusCode(404);
            as(adviser).contentType(ContentType.JSON).body("{\"until\":\"" + TODAY.plusMonths(8) + "\",\"reason\":\"HOUSING_NOT_SETTLED\"}")
                    .post(path(hidden) + "/extension").then().statusCode(404);
        }
        // Another municipality's adviser, another shelter, an analyst.
        as(TestTokens.adviser("0101")).get(path(shared)).then().statusCode(404);
        as(TestTokens.shelter("aftercare-other")).get(path(shared)).then().statusCode(404);
        as(TestTokens.analyst()).get(path(shared)).then().statusCode(403);
        as(TestTokens.coordinator("net-aarhus")).get(path(shared)).then().statusCode(404);
        as(TestTokens.shelter("aftercare-other")).get("/api/v1/aftercare/caseload").then().statusCode(403);
    }

    @Test
    void theMoveOutOpensTheWindowAndTheAdviserExtendsItOnce() {
        String shelter = TestTokens.shelter("aftercare-window");
        String id = referral(shelter, "0461", true);
        String adviser = TestTokens.adviser("0461");

        as(shelter).body("{\"actualMoveOut\":\"" + TODAY.plusDays(1) + "\"}").put(path(id) + "/move-out")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("actualMoveOut"));
        as(shelter).body("{\"actualMoveOut\":\"" + TODAY.minusDays(1) + "\"}").put(path(id) + "/move-out")
                .then().statusCode(400).body("errors.field", contains("actualMoveOut"));
        as(shelter).body("{}").put(path(id) + "/move-out").then().statusCode(400).contentType(PROBLEM);
        as(shelter).body("{\"actualMoveOut\":\"" + TODAY + "\",\"colour\":\"red\"}").put(path(id) + "/move-out")
                .then().statusCode(400).contentType(PROBLEM);
        as(adviser).body("{\"actualMoveOut\":\"" + TODAY + "\"}").put(path(id) + "/move-out").then().statusCode(403);

        as(shelter).body("{\"actualMoveOut\":\"" + TODAY + "\"}").put(path(id) + "/move-out").then().statusCode(200)
                .body("window.startsOn", equalTo(TODAY.toString()))
                .body("window.endsOn", equalTo(TODAY.plusMonths(6).toString()))
                .body("window.state", equalTo("OPEN"))
                .body("handoverMissing", equalTo(true));
        // A resend changes nothing; another day is a conflict that shows the window.
        as(shelter).body("{\"actualMoveOut\":\"" + TODAY + "\"}").put(path(id) + "/move-out").then().statusCode(200);
        as(shelter).body("{\"actualMoveOut\":\"" + TODAY.minusDays(0).minusWeeks(0) + "\"}").put(path(id) + "/move-out").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(id, "AftercareWindowOpened").size() == 1);
        JsonNode opened = read(eventsOf(id, "AftercareWindowOpened").get(0));
        assertEquals(TODAY.plusMonths(6).toString(), opened.get("endsOn").asText());
        assertEquals("0461", opened.get("municipalityCode").asText());

        String beyond = TODAY.plusMonths(12).plusDays(1).toString();
        as(adviser).body("{\"until\":\"" + beyond + "\",\"reason\":\"HOUSING_NOT_SETTLED\"}").post(path(id) + "/extension")
                .then().statusCode(409).contentType(PROBLEM).body("current.latestEnd", equalTo(TODAY.plusMonths(12).toString()))
                .body("current.endsOn", equalTo(TODAY.plusMonths(6).toString()));
        as(adviser).body("{\"until\":\"" + TODAY.plusMonths(9) + "\",\"reason\":\"NOT_A_REASON\"}").post(path(id) + "/extension")
                .then().statusCode(400).contentType(PROBLEM);
        as(shelter).body("{\"until\":\"" + TODAY.plusMonths(9) + "\",\"reason\":\"HOUSING_NOT_SETTLED\"}").post(path(id) + "/extension")
                .then().statusCode(403);
        String until = TODAY.plusMonths(9).toString();
        as(adviser).body("{\"until\":\"" + until + "\",\"reason\":\"HOUSING_NOT_SETTLED\"}").post(path(id) + "/extension")
                .then().statusCode(200).body("window.endsOn", equalTo(until))
                .body("window.extension.reason", equalTo("HOUSING_NOT_SETTLED")).body("window.extension.by", equalTo("adviser"));
        as(adviser).body("{\"until\":\"" + until + "\",\"reason\":\"HOUSING_NOT_SETTLED\"}").post(path(id) + "/extension")
                .then().statusCode(200);
        as(adviser).body("{\"until\":\"" + TODAY.plusMonths(10) + "\",\"reason\":\"NEW_VIOLENCE_OR_THREATS\"}").post(path(id) + "/extension")
                .then().statusCode(409).body("current.extendedTo", equalTo(until));
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(id, "AftercareWindowExtended").size() == 1);
        as(shelter).body("{\"actualMoveOut\":\"" + TODAY + "\"}").put(path(id) + "/move-out").then().statusCode(200);
        as(adviser).get(path(id) + "/history").then().statusCode(200)
                .body("action", contains("MOVED_OUT", "WINDOW_EXTENDED"));
    }

    @Test
    void thePlanIsSharedAndTheQnetCoordinatorMovesOnlyQnetsGoals() throws Exception {
        String shelter = TestTokens.shelter("aftercare-plan");
        String id = referral(shelter, "0461", true);
        String adviser = TestTokens.adviser("0461");
        String coordinator = TestTokens.coordinator("net-odense");
        String note = "Planlagt bolig tæt på skolen " + UUID.randomUUID().toString().substring(0, 8);

        String key = UUID.randomUUID().toString();
        String housing = as(adviser).header("Idempotency-Key", key)
                .body("{\"domain\":\"HOUSING\",\"owner\":\"ADVISER\",\"due\":\"" + TODAY.plusMonths(2) + "\",\"note\":\"" + note + "\"}")
                .post(path(id) + "/goals").then().statusCode(201).body("status", equalTo("OPEN")).body("note", equalTo(note))
                .extract().path("id");
        String again = as(adviser).header("Idempotency-Key", key)
                .body("{\"domain\":\"HOUSING\",\"owner\":\"ADVISER\",\"due\":\"" + TODAY.plusMonths(2) + "\",\"note\":\"" + note + "\"}")
                .post(path(id) + "/goals").then().statusCode(201).extract().path("id");
        assertEquals(housing, again, "a resent goal is the same goal");
        as(adviser).header("Idempotency-Key", key).body("{\"domain\":\"SAFETY\",\"owner\":\"ADVISER\"}")
                .post(path(id) + "/goals").then().statusCode(422).contentType(PROBLEM);
        String network = as(shelter).body("{\"domain\":\"NETWORK\",\"owner\":\"QNET\"}").post(path(id) + "/goals")
                .then().statusCode(201).extract().path("id");
        as(shelter).body("{\"domain\":\"GARDENING\",\"owner\":\"QNET\"}").post(path(id) + "/goals")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("domain"));
        as(shelter).body("{\"domain\":\"HEALTH\",\"owner\":\"OTHER_OFFER\"}").post(path(id) + "/goals")
                .then().statusCode(400).body("errors.field", contains("otherOffer"));
        as(shelter).body("{\"domain\":\"HEALTH\",\"owner\":\"ADVISER\",\"note\":\"" + "x".repeat(AftercareRequests.MAX_NOTE + 1) + "\"}")
                .post(path(id) + "/goals").then().statusCode(400).body("errors.field", contains("note"));
        as(coordinator).body("{\"domain\":\"NETWORK\",\"owner\":\"QNET\"}").post(path(id) + "/goals").then().statusCode(403);

        // The note is sealed: no column holds its words.
        String dump = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select t::text from plan_goal t").getResultList().toString()
                + em.createNativeQuery("select t::text from aftercare_step t").getResultList()
                + em.createNativeQuery("select t::text from outbox_event t").getResultList());
        assertFalse(dump.contains(note.substring(note.length() - 8)), "the note is in the clear somewhere");

        // The coordinator sees Qnet's goal, not the municipality's; no note of another's goal.
        as(coordinator).get(path(id)).then().statusCode(200).body("goals.id", contains(network));
        as(coordinator).body("{\"status\":\"MET\"}").patch(path(id) + "/goals/" + housing).then().statusCode(404);
        as(coordinator).body("{\"status\":\"IN_PROGRESS\",\"note\":\"x\"}").patch(path(id) + "/goals/" + network).then().statusCode(403);
        String etag = as(coordinator).body("{\"status\":\"IN_PROGRESS\"}").patch(path(id) + "/goals/" + network)
                .then().statusCode(200).body("status", equalTo("IN_PROGRESS")).extract().header("ETag");
        as(adviser).get(path(id)).then().statusCode(200).body("goals.find { it.id == '" + network + "' }.status", equalTo("IN_PROGRESS"));

        // A stale version changes nothing.
        as(adviser).header("If-Match", "\"0\"").body("{\"status\":\"MET\"}").patch(path(id) + "/goals/" + network).then().statusCode(412);
        as(adviser).header("If-Match", etag).body("{\"status\":\"DROPPED\"}").patch(path(id) + "/goals/" + network)
                .then().statusCode(400).body("errors.field", contains("dropReason"));
        as(adviser).header("If-Match", etag).body("{\"status\":\"DROPPED\",\"dropReason\":\"SHE_DECLINED\"}").patch(path(id) + "/goals/" + network)
                .then().statusCode(200).body("dropReason", equalTo("SHE_DECLINED"));

        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(id, "PlanGoalChanged").size() == 4);
        List<JsonNode> changes = eventsOf(id, "PlanGoalChanged").stream().map(AftercareTest::read).toList();
        assertEquals(List.of("OPEN", "OPEN", "IN_PROGRESS", "DROPPED"), changes.stream().map(c -> c.get("status").asText()).toList());
        for (JsonNode c : changes) {
            assertFalse(c.toString().contains(note.substring(note.length() - 8)));
        }

        // Each read of the notes is audited; the admin sees the plan without them.
        long before = audits(id);
        as(adviser).get(path(id)).then().statusCode(200).body("goals.find { it.id == '" + housing + "' }.note", equalTo(note));
        assertEquals(before + 1, audits(id));
        as(TestTokens.admin()).get(path(id)).then().statusCode(200).body("goals.note", everyNull());
        assertEquals(before + 1, audits(id));

        as(coordinator).get(path(id) + "/history").then().statusCode(200)
                .body("goalId", not(hasItem(housing)));

        // The plan as FHIR R4: a CarePlan with a Goal for each goal the caller sees, the note only for those who read notes.
        String fhir = "/api/v1/referrals/" + id + "/fhir/careplan";
        given().auth().oauth2(adviser).get(fhir).then().statusCode(200).contentType("application/fhir+json")
                .body("entry.resource.resourceType", contains("CarePlan", "Goal", "Goal"))
                .body("entry.find { it.resource.id == '" + housing + "' }.resource.note[0].text", equalTo(note));
        given().auth().oauth2(coordinator).get(fhir).then().statusCode(200)
                .body("entry.resource.id", not(hasItem(housing))).body("entry.size()", equalTo(2));
        given().auth().oauth2(TestTokens.adviser("0101")).get(fhir).then().statusCode(404).contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void theWindowWarnsAt30And14DaysAndEndsFlaggedWithGoalsOpen() {
        String shelter = TestTokens.shelter("aftercare-watch");
        String id = referral(shelter, "0461", true);
        String adviser = TestTokens.adviser("0461");
        // The municipality's case system subscribes (a receiver that is not there: the deliveries are queued all the same).
        as(adviser).body("{\"url\":\"http://127.0.0.1:9/hook\"}").put("/api/v1/webhook").then().statusCode(200);
        try {
            watchAndClose(shelter, adviser, id);
        } finally {
            as(adviser).delete("/api/v1/webhook").then().statusCode(204);
        }
    }

    void watchAndClose(String shelter, String adviser, String id) {
        as(shelter).body("{\"date\":\"" + TODAY + "\",\"participants\":[\"WOMAN\",\"SHELTER\",\"ADVISER\"],\"held\":true}")
                .put(path(id) + "/handover").then().statusCode(200).body("handover.held", equalTo(true));
        as(shelter).body("{\"actualMoveOut\":\"" + TODAY + "\"}").put(path(id) + "/move-out").then().statusCode(200)
                .body("handoverMissing", equalTo(false)).body("handover.beforeMoveOut", equalTo(true));
        as(adviser).body("{\"name\":\"Mette Rådgiver\",\"email\":\"mette@odense.dk.invalid\"}").put(path(id) + "/caseworker")
                .then().statusCode(200);
        as(shelter).get(path(id)).then().statusCode(200).body("caseworker.name", equalTo("Mette Rådgiver"));
        as(adviser).body("{\"domain\":\"ECONOMY_AND_DEBT\",\"owner\":\"ADVISER\"}").post(path(id) + "/goals").then().statusCode(201);
        String met = as(adviser).body("{\"domain\":\"HOUSING\",\"owner\":\"SHELTER\"}").post(path(id) + "/goals").then().statusCode(201)
                .extract().path("id");
        as(adviser).body("{\"status\":\"MET\"}").patch(path(id) + "/goals/" + met).then().statusCode(200);

        LocalDate end = TODAY.plusMonths(6);
        watch.pass(end.minusDays(31));
        watch.pass(end.minusDays(30));
        watch.pass(end.minusDays(29));
        watch.pass(end.minusDays(14));
        watch.pass(end);
        as(adviser).get(path(id) + "/history").then().statusCode(200)
                .body("action", contains("HANDOVER_RECORDED", "MOVED_OUT", "CASEWORKER_ASSIGNED", "GOAL_ADDED", "GOAL_ADDED", "GOAL_CHANGED",
                        "WARNED_30_DAYS", "WARNED_14_DAYS"));
        List<String> hooks = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select event || ':' || status from webhook_delivery where referral_id = ?1 order by id").setParameter(1, UUID.fromString(id))
                .getResultList());
        assertEquals(List.of("AFTERCARE_WINDOW:ENDS_IN_30_DAYS", "AFTERCARE_WINDOW:ENDS_IN_14_DAYS"), hooks);

        watch.pass(end.plusDays(1));
        as(adviser).get(path(id)).then().statusCode(200).body("window.state", equalTo("ENDED"))
                .body("window.endedWithGoalsOpen", equalTo(true));
        as(adviser).get("/api/v1/aftercare/caseload?size=200").then().statusCode(200)
                .body("items.find { it.referralId == '" + id + "' }.endedWithGoalsOpen", equalTo(true));
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(id, "AftercareWindowClosed").size() == 1);
        JsonNode closed = read(eventsOf(id, "AftercareWindowClosed").get(0));
        assertTrue(closed.get("goalsStillOpen").asBoolean());
        assertEquals("[{\"domain\":\"HOUSING\",\"met\":1,\"open\":0,\"dropped\":0},{\"domain\":\"ECONOMY_AND_DEBT\",\"met\":0,\"open\":1,\"dropped\":0}]",
                closed.get("goals").toString());
        watch.pass(end.plusDays(2));
        assertEquals(1, eventsOfNow(id, "AftercareWindowClosed"));
    }

    @Test
    void erasureTakesHerPlanWithHer() {
        String shelter = TestTokens.shelter("aftercare-erase");
        String id = referral(shelter, "0461", true);
        String adviser = TestTokens.adviser("0461");
        as(adviser).body("{\"domain\":\"SAFETY\",\"owner\":\"ADVISER\",\"note\":\"Hemmelig adresse\"}").post(path(id) + "/goals")
                .then().statusCode(201);
        as(shelter).body("{\"actualMoveOut\":\"" + TODAY + "\"}").put(path(id) + "/move-out").then().statusCode(200);
        as(TestTokens.admin()).post("/api/v1/referrals/" + id + "/erase").then().statusCode(200);
        long left = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select (select count(*) from plan_goal where referral_id = ?1) + (select count(*) from aftercare where referral_id = ?1) "
                        + "+ (select count(*) from aftercare_step where referral_id = ?1)").setParameter(1, UUID.fromString(id)).getSingleResult()).longValue());
        assertEquals(0, left);
        as(shelter).get(path(id)).then().statusCode(200).body("goals.size()", equalTo(0)).body("window", nullValue());
        as(shelter).body("{\"domain\":\"SAFETY\",\"owner\":\"ADVISER\"}").post(path(id) + "/goals").then().statusCode(409);
    }

    @Inject
    dk.qnet.referral.service.RetentionJob retention;

    @Test
    void retentionWaitsWhileHerWindowIsOpenOrEndedWithGoalsOpen() {
        String shelter = TestTokens.shelter("aftercare-retention");
        String adviser = TestTokens.adviser("0461");
        String id = referral(shelter, "0461", true);
        as(shelter).body("{\"actualMoveOut\":\"" + TODAY + "\"}").put(path(id) + "/move-out").then().statusCode(200);
        String goal = as(adviser).body("{\"domain\":\"HOUSING\",\"owner\":\"ADVISER\"}").post(path(id) + "/goals")
                .then().statusCode(201).extract().path("id");
        as(shelter).body("{\"reason\":\"NO_LONGER_NEEDED\"}").post("/api/v1/referrals/" + id + "/withdraw").then().statusCode(200);
        java.time.Instant later = java.time.Instant.now().plus(Duration.ofDays(400));
        // Long after Qnet's retention time, while the municipality's window is open: kept.
        retention.eraseExpired(later);
        as(shelter).get("/api/v1/referrals/" + id).then().statusCode(200).body("erased", equalTo(false));
        // Ended with a goal open: flagged on the caseload, and kept until it is dealt with.
        watch.pass(TODAY.plusMonths(6).plusDays(1));
        retention.eraseExpired(later);
        as(adviser).get(path(id)).then().statusCode(200).body("window.endedWithGoalsOpen", equalTo(true));
        as(adviser).body("{\"status\":\"DROPPED\",\"dropReason\":\"NOT_POSSIBLE_IN_THE_WINDOW\"}").patch(path(id) + "/goals/" + goal)
                .then().statusCode(200);
        retention.eraseExpired(later);
        as(shelter).get("/api/v1/referrals/" + id).then().statusCode(200).body("erased", equalTo(true));
    }

    @Inject
    AftercareDemo demo;

    @Test
    void theDemoWomenStandAtEveryPointOfTheWindow() {
        demo.tick(); // the scheduler's look: in its own transaction (it once asked for the routes without one)
        demo.seed();
        List<java.util.Map<String, Object>> items = as(TestTokens.adviser("0461")).get("/api/v1/aftercare/caseload?size=200")
                .then().statusCode(200).extract().jsonPath().getList("items");
        List<String> states = items.stream().map(i -> String.valueOf(i.get("state"))).toList();
        for (String state : List.of("ENDS_IN_14_DAYS", "ENDS_IN_30_DAYS", "OPEN", "ENDED", "null")) {
            assertTrue(states.contains(state), state + " in " + states);
        }
        assertTrue(items.stream().anyMatch(i -> Boolean.TRUE.equals(i.get("endedWithGoalsOpen"))), "a window ended with goals open");
        assertTrue(items.stream().anyMatch(i -> Boolean.TRUE.equals(i.get("handoverMissing"))), "a move-out without a handover");
        // What is due first comes first: the flagged and the nearest ends before the rest.
        assertEquals("ENDED", String.valueOf(items.get(0).get("state")), "first: " + items.get(0));
    }

    long eventsOfNow(String id, String type) {
        return eventsOf(id, type).size();
    }

    long audits(String id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from audit_entry where referral_id = ?1").setParameter(1, UUID.fromString(id)).getSingleResult()).longValue());
    }

    static org.hamcrest.Matcher<Iterable<? extends Object>> everyNull() {
        return org.hamcrest.Matchers.everyItem(nullValue());
    }

    static JsonNode read(String value) {
        try {
            return JSON.readTree(value.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
