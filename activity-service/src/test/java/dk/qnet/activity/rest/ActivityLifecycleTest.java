package dk.qnet.activity.rest;

import static dk.qnet.activity.ActivityFixtures.PROBLEM;
import static dk.qnet.activity.ActivityFixtures.activity;
import static dk.qnet.activity.ActivityFixtures.create;
import static dk.qnet.activity.ActivityFixtures.createPlanned;
import static dk.qnet.activity.ActivityFixtures.network;
import static dk.qnet.activity.ActivityFixtures.register;
import static dk.qnet.activity.ActivityFixtures.woman;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ActivityLifecycleTest {

    @Inject
    EntityManager em;

    String coordinator;

    @BeforeEach
    void networks() {
        network(em, "net-vejle");
        network(em, "net-horsens");
        coordinator = TestTokens.coordinator("net-vejle");
    }

    ConsumerRecord<String, String> event(String activityId, String type) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> KafkaProbe.readAll(Topics.ACTIVITIES).stream()
                .filter(r -> activityId.equals(r.key()) && type.equals(KafkaProbe.header(r, EventHeaders.EVENT_TYPE)))
                .findFirst().orElse(null), org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aPlannedActivityIsScheduledEditedAndCancelledWithItsRegistrationsNotified() throws Exception {
        String id = createPlanned(coordinator, 20);
        ConsumerRecord<String, String> scheduled = event(id, "ActivityScheduled");
        assertFalse(scheduled.value().contains("Fællesspisning"), "titles are free text and stay in the service");
        assertFalse(scheduled.value().contains("Kirkegade"));

        String body = activity(Instant.now().plus(Duration.ofDays(11)), 25).replace("Fællesspisning", "Julefrokost");
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(body).put("/api/v1/activities/" + id)
                .then().statusCode(200).body("title", equalTo("Julefrokost")).body("capacity", equalTo(25));

        String registration = register(coordinator, id, woman(UUID.randomUUID(), 2)).then().statusCode(201).extract().path("id");
        given().auth().oauth2(coordinator).post("/api/v1/activities/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        JsonNode cancelled = new ObjectMapper().readTree(event(id, "ActivityCancelled").value());
        assertEquals(registration, cancelled.get("registrationIds").get(0).asText());

        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(body).put("/api/v1/activities/" + id)
                .then().statusCode(409).contentType(PROBLEM);
        given().auth().oauth2(coordinator).post("/api/v1/activities/" + id + "/cancel").then().statusCode(409);
        register(coordinator, id, woman(UUID.randomUUID(), 0)).then().statusCode(409);
    }

    /** Two coordinators edit the same activity: the one who edits what she read before the other's change gets 412. */
    @Test
    void anEditOnAStaleReadIs412AndChangesNothing() {
        String id = createPlanned(coordinator, 20);
        String base = "/api/v1/activities/" + id;
        String read = given().auth().oauth2(coordinator).get(base).then().statusCode(200).extract().header("ETag");
        String body = activity(Instant.now().plus(Duration.ofDays(11)), 25).replace("Fællesspisning", "Julefrokost");
        String edited = given().auth().oauth2(coordinator).header("If-Match", read).contentType(ContentType.JSON).body(body).put(base)
                .then().statusCode(200).body("title", equalTo("Julefrokost")).extract().header("ETag");
        org.junit.jupiter.api.Assertions.assertNotEquals(read, edited);

        given().auth().oauth2(coordinator).header("If-Match", read).contentType(ContentType.JSON).body(body.replace("Julefrokost", "Udflugt"))
                .put(base).then().statusCode(412).contentType(PROBLEM);
        given().auth().oauth2(coordinator).header("If-Match", read).post(base + "/cancel").then().statusCode(412).contentType(PROBLEM);
        given().auth().oauth2(coordinator).get(base).then().statusCode(200).header("ETag", edited)
                .body("title", equalTo("Julefrokost")).body("status", equalTo("PLANNED"));
        given().auth().oauth2(coordinator).header("If-Match", "soon").post(base + "/cancel").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("If-Match"));
        given().auth().oauth2(coordinator).header("If-Match", edited).post(base + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
    }

    @Test
    void attendanceMakesAnActivityHeldAndPublishesTheCounts() throws Exception {
        String past = create(coordinator, activity(Instant.now().minus(Duration.ofDays(2)), 30))
                .then().statusCode(201).extract().path("id");
        String came = register(coordinator, past, woman(UUID.randomUUID(), 3)).then().statusCode(201).extract().path("id");
        register(coordinator, past, "{\"kind\":\"VOLUNTEER\",\"volunteerId\":\"" + UUID.randomUUID() + "\"}").then().statusCode(201);

        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"attendedRegistrationIds\":[\"" + came + "\"],\"women\":4,\"children\":7,\"volunteers\":2}")
                .post("/api/v1/activities/" + past + "/attendance").then().log().ifValidationFails().statusCode(200)
                .body("status", equalTo("HELD")).body("attendedChildren", equalTo(7));
        JsonNode held = new ObjectMapper().readTree(event(past, "ActivityHeld").value());
        assertEquals(4, held.get("women").asInt());
        assertEquals(7, held.get("children").asInt());
        assertEquals(2, held.get("volunteers").asInt());
        assertEquals("net-vejle", held.get("networkId").asText());
        given().auth().oauth2(coordinator).get("/api/v1/activities/" + past + "/registrations?size=200").then()
                .body("items.find { it.id == '" + came + "' }.attended", equalTo(true));

        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"women\":1,\"children\":0,\"volunteers\":0}")
                .post("/api/v1/activities/" + past + "/attendance").then().statusCode(409).contentType(PROBLEM);

        String future = createPlanned(coordinator, 10);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"women\":1,\"children\":0,\"volunteers\":0}")
                .post("/api/v1/activities/" + future + "/attendance").then().statusCode(409);
    }

    @Test
    void invalidActivitiesAreRefusedFieldByFieldAndUnknownNetworksToo() {
        Instant start = Instant.now().plus(Duration.ofDays(5));
        String endBeforeStart = activity(start, 10).replace(start.plus(Duration.ofHours(3)).toString(), start.minus(Duration.ofHours(1)).toString());
        create(coordinator, endBeforeStart).then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("endsAt"));
        create(coordinator, activity(start, 0)).then().statusCode(400).body("errors.field", hasItem("capacity"));
        create(coordinator, activity(start, 10).replace("\"WOMEN\"", "\"ALIENS\"")).then().statusCode(400)
                .body("errors[0].field", equalTo("audience[0]"));
        create(coordinator, "{\"title\":\"\",\"venueKind\":\"HOME\"}").then().statusCode(400).body("errors[0].field", equalTo("venueKind"));
        create(coordinator, "{}").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("title", "venue", "type", "venueKind", "audience", "capacity", "startsAt", "endsAt"));
        create(coordinator, activity(start, 10).replace("\"capacity\"", "\"participantAddress\":\"x\",\"capacity\""))
                .then().statusCode(400).body("errors[0].field", equalTo("participantAddress"));
        create(TestTokens.coordinator("net-unknown"), activity(start, 10)).then().statusCode(400)
                .body("errors[0].field", equalTo("networkId"));
        create(TestTokens.admin(), activity(start, 10)).then().statusCode(400).body("errors[0].field", equalTo("networkId"));
        create(TestTokens.admin(), activity(start, 10).replace("{\"title\"", "{\"networkId\":\"net-horsens\",\"title\""))
                .then().statusCode(201).body("networkId", equalTo("net-horsens"));
    }

    @Test
    void erasureTurnsAWomansRegistrationsIntoHeadCounts() {
        String id = createPlanned(coordinator, 20);
        UUID referral = UUID.randomUUID();
        register(coordinator, id, woman(referral, 2)).then().statusCode(201);
        KafkaProbe.sendEvent(dk.qnet.contracts.EventType.REFERRAL_ERASED, referral.toString(),
                "{\"referralId\":\"" + referral + "\",\"cause\":\"CONSENT_WITHDRAWN\",\"erasedAt\":\"" + Instant.now() + "\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(coordinator).get("/api/v1/activities/" + id + "/registrations?size=200").then()
                        .body("items[0].kind", equalTo("ANONYMOUS")).body("items[0].referralId", org.hamcrest.Matchers.nullValue())
                        .body("items[0].women", equalTo(1)).body("items[0].children", equalTo(2)));
        given().auth().oauth2(coordinator).get("/api/v1/activities/" + id).then().body("confirmed", equalTo(3));
    }

    @Test
    void theAccessMatrixHoldsForEveryEndpointWithAnId() {
        String id = createPlanned(coordinator, 10);
        String reg = register(coordinator, id, woman(UUID.randomUUID(), 0)).then().statusCode(201).extract().path("id");
        String foreign = TestTokens.coordinator("net-horsens");
        String base = "/api/v1/activities/" + id;
        String json = activity(Instant.now().plus(Duration.ofDays(3)), 10);
        var calls = java.util.List.<java.util.function.Function<String, io.restassured.response.Response>>of(
                t -> given().auth().oauth2(t).get(base),
                t -> given().auth().oauth2(t).contentType(ContentType.JSON).body(json).put(base),
                t -> given().auth().oauth2(t).post(base + "/cancel"),
                t -> given().auth().oauth2(t).contentType(ContentType.JSON).body("{\"women\":1,\"children\":0,\"volunteers\":0}").post(base + "/attendance"),
                t -> given().auth().oauth2(t).get(base + "/registrations"),
                t -> given().auth().oauth2(t).contentType(ContentType.JSON).body(woman(UUID.randomUUID(), 0)).post(base + "/registrations"),
                t -> given().auth().oauth2(t).delete(base + "/registrations/" + reg));
        int matrix = 0;
        for (var call : calls) {
            call.apply(foreign).then().statusCode(404).contentType(PROBLEM).body("detail", equalTo("No such resource."));
            call.apply(TestTokens.shelter("s")).then().statusCode(403).contentType(PROBLEM);
            call.apply(TestTokens.analyst()).then().statusCode(403);
            given().get(base).then().statusCode(401).contentType(PROBLEM);
            matrix += 4;
        }
        given().auth().oauth2(TestTokens.admin()).get(base).then().statusCode(200);
        given().auth().oauth2(coordinator).get(base).then().statusCode(200).body("status", equalTo("PLANNED"));
        given().auth().oauth2(coordinator).get("/api/v1/activities/" + UUID.randomUUID()).then().statusCode(404);
        assertTrue(matrix >= 28);
        given().auth().oauth2(foreign).get("/api/v1/activities?size=200").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
    }
}
