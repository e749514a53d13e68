package dk.qnet.activity.course;

import static dk.qnet.activity.ActivityFixtures.PROBLEM;
import static dk.qnet.activity.course.CourseFixtures.admit;
import static dk.qnet.activity.course.CourseFixtures.apply;
import static dk.qnet.activity.course.CourseFixtures.attendance;
import static dk.qnet.activity.course.CourseFixtures.course;
import static dk.qnet.activity.course.CourseFixtures.create;
import static dk.qnet.activity.course.CourseFixtures.createCourse;
import static dk.qnet.activity.course.CourseFixtures.elapse;
import static dk.qnet.activity.course.CourseFixtures.woman;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.qnet.activity.ActivityFixtures;
import dk.qnet.contracts.EventType;
import dk.qnet.contracts.Topics;
import dk.qnet.testing.KafkaProbe;
import dk.qnet.testing.Race;
import dk.qnet.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CourseLifecycleTest {

    static final String NETWORK = "net-horsens";

    @Inject
    EntityManager em;

    String coordinator;

    @BeforeEach
    void network() {
        ActivityFixtures.network(em, NETWORK);
        coordinator = TestTokens.coordinator(NETWORK);
    }

    JsonPath get(String id) {
        return given().auth().oauth2(coordinator).get("/api/v1/courses/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aCourseEveryOtherWeekAcrossSummerTimeHasItsSessionsAtTheSameDanishHour() {
        String body = course(LocalDate.of(2027, 3, 17), 4, 8, "WOMEN", "").replace("\"WEEKLY\"", "\"EVERY_OTHER_WEEK\"");
        JsonPath c = create(coordinator, body).then().statusCode(201).extract().jsonPath();
        assertEquals(List.of("2027-03-17T16:00:00Z", "2027-03-31T15:00:00Z", "2027-04-14T15:00:00Z", "2027-04-28T15:00:00Z"),
                c.getList("sessions.startsAt"));
        assertEquals("PLANNED", c.getString("status"));
        assertEquals(2, c.getInt("completion.sessions"));
        assertEquals(3, c.getInt("completion.outOf"));
        // Until a last date instead of a number: 14 weeks every other week are 8 sessions.
        String until = body.replace("\"sessions\":4", "\"lastDate\":\"2027-06-23\"");
        assertEquals(8, create(coordinator, until).then().statusCode(201).extract().jsonPath().getList("sessions").size());
    }

    @Test
    void badSchedulesAndFieldsAreRefusedNamingTheField() {
        LocalDate next = LocalDate.now().plusWeeks(1);
        create(coordinator, course(next, 31, 8, "WOMEN", "")).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("schedule.sessions"));
        create(coordinator, course(next, 3, 8, "WOMEN", "")).then().statusCode(400).body("errors.field", hasItem("schedule.sessions"));
        // Every week for a year would be 53 sessions.
        create(coordinator, course(next, 4, 8, "WOMEN", "").replace("\"sessions\":4", "\"lastDate\":\"" + next.plusYears(1) + "\""))
                .then().statusCode(400).body("errors.field", hasItem("schedule.lastDate"));
        create(coordinator, course(LocalDate.now().minusDays(1), 4, 8, "WOMEN", "")).then().statusCode(400)
                .body("errors.field", hasItem("schedule.firstDate"));
        create(coordinator, course(next, 4, 8, "CHILDREN", "")).then().statusCode(400).body("errors.field", hasItem("childMinAge"));
        create(coordinator, course(next, 4, 8, "WOMEN", ",\"childMinAge\":3")).then().statusCode(400).body("errors.field", hasItem("childMinAge"));
        create(coordinator, course(next, 4, 8, "WOMEN", "").replace("MOTHERS", "KNITTING")).then().statusCode(400)
                .body("errors[0].field", equalTo("theme"));
        create(coordinator, course(next, 4, 8, "WOMEN", ",\"color\":\"red\"")).then().statusCode(400).contentType(PROBLEM);
        create(coordinator, course(next, 4, 8, "WOMEN", "").replace("\"17:00\"", "\"25:00\"")).then().statusCode(400)
                .body("errors.field", hasItem("schedule.startTime"));
        create(coordinator, course(next, 4, 8, "WOMEN", ",\"leaders\":[{\"staffRole\":\"Koordinator\",\"volunteerId\":\"" + UUID.randomUUID() + "\"}]"))
                .then().statusCode(400).body("errors.field", hasItem("leaders[0]"));
        create(coordinator, course(next, 4, 8, "WOMEN", ",\"leaders\":[{\"volunteerId\":\"" + UUID.randomUUID() + "\"}]"))
                .then().statusCode(400).body("errors.field", hasItem("leaders[0].volunteerId"));
        create(coordinator, course(next, 4, 101, "WOMEN", "")).then().statusCode(400).body("errors.field", hasItem("capacity"));
        // Nothing of it was stored.
        assertEquals(0L, ((Number) em.createNativeQuery("select count(*) from course where capacity = 101").getSingleResult()).longValue());
    }

    @Test
    void aRetriedCreationWithTheSameKeyAnswersTheSameCourse() {
        String body = course(LocalDate.now().plusWeeks(2), 6, 8, "WOMEN", "");
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(coordinator).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/courses").then().statusCode(201).extract().path("id");
        String again = given().auth().oauth2(coordinator).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/courses").then().statusCode(200).extract().path("id");
        assertEquals(first, again);
    }

    @Test
    void twoRetriesAtOnceWithTheSameKeyMakeOneCourse() throws Exception {
        String body = course(LocalDate.now().plusWeeks(2), 6, 8, "WOMEN", "");
        for (int round = 0; round < 3; round++) {
            String key = UUID.randomUUID().toString();
            List<io.restassured.response.Response> answers = Race.of(List.<java.util.concurrent.Callable<io.restassured.response.Response>>of(
                    () -> given().auth().oauth2(coordinator).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/api/v1/courses"),
                    () -> given().auth().oauth2(coordinator).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/api/v1/courses")));
            assertEquals(List.of(200, 201), answers.stream().map(io.restassured.response.Response::statusCode).sorted().toList());
            assertEquals(answers.get(0).jsonPath().getString("id"), answers.get(1).jsonPath().getString("id"));
        }
    }

    @Test
    void aSessionMovesOnlyToAFreeTimeInTheFutureAndACancelledOneStaysCancelled() {
        String id = createCourse(coordinator, 4, 8);
        JsonPath c = get(id);
        LocalDate third = Instant.parse(c.getString("sessions[2].startsAt")).atZone(dk.qnet.contracts.DanishTime.ZONE).toLocalDate();
        String move = "/api/v1/courses/" + id + "/sessions/2";
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"date\":\"" + third + "\",\"startTime\":\"18:00\"}")
                .put(move).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("date"));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"date\":\"" + LocalDate.now().minusDays(1) + "\",\"startTime\":\"18:00\"}")
                .put(move).then().statusCode(400).body("errors[0].field", equalTo("date"));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"date\":\"" + third.minusDays(2) + "\",\"startTime\":\"10:00\"}")
                .put(move).then().statusCode(200).body("sessions[1].moved", equalTo(true));
        given().auth().oauth2(coordinator).post("/api/v1/courses/" + id + "/sessions/4/cancel").then().statusCode(200)
                .body("sessions[3].status", equalTo("CANCELLED"));
        given().auth().oauth2(coordinator).post("/api/v1/courses/" + id + "/sessions/4/cancel").then().statusCode(409);
        given().auth().oauth2(coordinator).post("/api/v1/courses/" + id + "/sessions/31/cancel").then().statusCode(404);
        given().auth().oauth2(coordinator).post("/api/v1/courses/" + id + "/sessions/x/cancel").then().statusCode(404);
    }

    @Test
    void attendanceCompletionAndClosingCountEveryoneRight() throws Exception {
        String id = createCourse(coordinator, 4, 3);
        UUID anna = woman(NETWORK, "[\"da\"]", "[]");
        UUID bente = woman(NETWORK, "[\"da\",\"en\"]", "[]");
        UUID cecilie = woman(NETWORK, "[\"da\"]", "[]");
        String a = apply(coordinator, id, anna, null).then().statusCode(201).extract().path("id");
        String b = apply(coordinator, id, bente, null).then().statusCode(201).extract().path("id");
        String waitingOne = apply(coordinator, id, cecilie, null).then().statusCode(201).body("position", equalTo(3)).extract().path("id");
        admit(coordinator, id, "{\"count\":2}").then().statusCode(200).body("admitted.id", equalTo(List.of(a, b)));
        String leader = get(id).getString("leaders[0].id");

        // Attendance only once a session has begun, and only for admitted women.
        attendance(coordinator, id, 1, "{\"women\":[{\"enrolmentId\":\"" + a + "\"}]}").then().statusCode(409).contentType(PROBLEM);
        elapse(id, Duration.ofDays(22)); // sessions 1, 2 and 3 are past now, 4 is in six days
        attendance(coordinator, id, 1, "{\"women\":[{\"enrolmentId\":\"" + waitingOne + "\"}]}").then().statusCode(409);
        attendance(coordinator, id, 1, "{\"women\":[{\"enrolmentId\":\"" + a + "\",\"children\":1}]}").then().statusCode(400)
                .body("errors[0].field", equalTo("women[0].children"));
        attendance(coordinator, id, 1, "{\"women\":[{\"enrolmentId\":\"" + a + "\"},{\"enrolmentId\":\"" + b + "\"}],\"leaders\":[\"" + leader + "\"]}")
                .then().statusCode(200).body("sessions[0].status", equalTo("HELD")).body("sessions[0].women", equalTo(2))
                .body("sessions[0].leaders", equalTo(1));
        attendance(coordinator, id, 2, "{\"women\":[{\"enrolmentId\":\"" + a + "\"}]}").then().statusCode(200);
        // Sent again, it replaces: Bente came to session 2 after all, then not.
        attendance(coordinator, id, 2, "{\"women\":[{\"enrolmentId\":\"" + a + "\"},{\"enrolmentId\":\"" + b + "\"}]}").then().statusCode(200);
        attendance(coordinator, id, 2, "{\"women\":[{\"enrolmentId\":\"" + a + "\"}]}").then().statusCode(200).body("sessions[1].women", equalTo(1));
        attendance(coordinator, id, 3, "{\"women\":[{\"enrolmentId\":\"" + a + "\"}]}").then().statusCode(200);

        // Session 4 is neither held nor cancelled: the course cannot close yet.
        given().auth().oauth2(coordinator).post("/api/v1/courses/" + id + "/close").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://qnet.rodekors.dk/problems/sessions-pending"));
        JsonPath running = given().auth().oauth2(coordinator).get("/api/v1/courses/" + id + "/enrolments").then().statusCode(200).extract().jsonPath();
        assertEquals("ON_TRACK", running.getString("items.find { it.id == '" + a + "' }.completion"));
        assertEquals("BEHIND", running.getString("items.find { it.id == '" + b + "' }.completion"), "1 of 3 held");
        given().auth().oauth2(coordinator).post("/api/v1/courses/" + id + "/sessions/4/cancel").then().statusCode(200);
        given().auth().oauth2(coordinator).post("/api/v1/courses/" + id + "/close").then().statusCode(200).body("status", equalTo("CLOSED"));

        JsonPath closed = given().auth().oauth2(coordinator).get("/api/v1/courses/" + id + "/enrolments").then().statusCode(200).extract().jsonPath();
        assertEquals("COMPLETED", closed.getString("items.find { it.id == '" + a + "' }.completion"), "3 of 3");
        assertEquals("NOT_COMPLETED", closed.getString("items.find { it.id == '" + b + "' }.completion"), "1 of 3: below 2/3");
        assertEquals(3, closed.getInt("items.find { it.id == '" + a + "' }.sessionsHeld"));
        // A closed course changes no more.
        attendance(coordinator, id, 3, "{\"women\":[]}").then().statusCode(409);

        // Its counts, and nothing about the women, went to qnet.activities.v1.
        JsonNode ended = await().atMost(Duration.ofSeconds(30)).until(() -> KafkaProbe.readAll(Topics.ACTIVITIES).stream()
                .filter(r -> id.equals(r.key()) && EventType.COURSE_ENDED.typeName().equals(KafkaProbe.header(r, dk.qnet.contracts.EventHeaders.EVENT_TYPE)))
                .map(r -> read(r.value())).findFirst().orElse(null), java.util.Objects::nonNull);
        assertEquals(3, ended.get("sessionsHeld").asInt());
        assertEquals(2, ended.get("women").asInt());
        assertEquals(1, ended.get("completed").asInt());
        assertEquals(0, ended.get("droppedOut").asInt());
        assertTrue(!ended.toString().contains(anna.toString()) && !ended.toString().contains(bente.toString()), ended.toString());
    }

    @Test
    void anErasedWomanStaysOnlyAsAHeadCount() {
        String id = createCourse(coordinator, 4, 5);
        UUID referral = woman(NETWORK, "[\"da\"]", "[]");
        String e = apply(coordinator, id, referral, null).then().statusCode(201).extract().path("id");
        admit(coordinator, id, "{}").then().statusCode(200);
        elapse(id, Duration.ofDays(8));
        attendance(coordinator, id, 1, "{\"women\":[{\"enrolmentId\":\"" + e + "\"}]}").then().statusCode(200);
        KafkaProbe.sendEvent(EventType.REFERRAL_ERASED, referral.toString(), """
                {"referralId":"%s","cause":"CONSENT_WITHDRAWN","erasedAt":"%s"}
                """.formatted(referral, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(coordinator)
                .get("/api/v1/courses/" + id + "/enrolments").then().body("items[0].referralId", nullValue()));
        given().auth().oauth2(coordinator).get("/api/v1/courses/" + id + "/enrolments").then()
                .body("items[0].sessionsAttended", equalTo(1)).body("items[0].state", equalTo("ADMITTED"));
        assertEquals(1, get(id).getInt("sessions[0].women"));
    }

    @Test
    void anotherNetworksCoordinatorFindsNoCourseObject() {
        String id = createCourse(coordinator, 4, 5);
        UUID referral = woman(NETWORK, "[\"da\"]", "[]");
        String e = apply(coordinator, id, referral, null).then().statusCode(201).extract().path("id");
        String foreign = TestTokens.coordinator("net-elsewhere");
        String base = "/api/v1/courses/" + id;
        given().auth().oauth2(foreign).get(base).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(foreign).get(base + "/enrolments").then().statusCode(404);
        given().auth().oauth2(foreign).contentType(ContentType.JSON).body("{}").post(base + "/admissions").then().statusCode(404);
        given().auth().oauth2(foreign).delete(base + "/enrolments/" + e).then().statusCode(404);
        given().auth().oauth2(foreign).post(base + "/sessions/1/cancel").then().statusCode(404);
        given().auth().oauth2(foreign).put(base + "/calendar-link").then().statusCode(404);
        given().auth().oauth2(foreign).get("/api/v1/courses").then().statusCode(200).body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
        given().auth().oauth2(TestTokens.shelter("org-1")).get(base).then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).get(base).then().statusCode(200);
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
