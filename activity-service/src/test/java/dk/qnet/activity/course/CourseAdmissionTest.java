package dk.qnet.activity.course;

import static dk.qnet.activity.ActivityFixtures.PROBLEM;
import static dk.qnet.activity.course.CourseFixtures.admit;
import static dk.qnet.activity.course.CourseFixtures.apply;
import static dk.qnet.activity.course.CourseFixtures.course;
import static dk.qnet.activity.course.CourseFixtures.create;
import static dk.qnet.activity.course.CourseFixtures.createCourse;
import static dk.qnet.activity.course.CourseFixtures.pastSession;
import static dk.qnet.activity.course.CourseFixtures.woman;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.qnet.activity.ActivityFixtures;
import dk.qnet.contracts.EventType;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CourseAdmissionTest {

    static final String NETWORK = "net-vejle-kurser";

    @Inject
    EntityManager em;

    String coordinator;

    @BeforeEach
    void network() {
        ActivityFixtures.network(em, NETWORK);
        coordinator = TestTokens.coordinator(NETWORK);
    }

    JsonPath enrolments(String id) {
        return given().auth().oauth2(coordinator).get("/api/v1/courses/" + id + "/enrolments?size=200").then().statusCode(200).extract().jsonPath();
    }

    String state(String courseId, String enrolmentId) {
        return enrolments(courseId).getString("items.find { it.id == '" + enrolmentId + "' }.state");
    }

    @Test
    void theCriteriaAreCheckedAgainstWhatHerReferralsEventsCarriedWithReasons() {
        int year = LocalDate.now().plusWeeks(1).getYear();
        String id = create(coordinator, course(LocalDate.now().plusWeeks(1), 6, 10, "CHILDREN", ",\"childMinAge\":6,\"childMaxAge\":12"))
                .then().statusCode(201).extract().path("id");
        // A woman who speaks Arabic, with one child of 8 and one of 2, through the real topic.
        UUID referral = UUID.randomUUID();
        KafkaProbe.sendEvent(EventType.REFERRAL_RECEIVED, referral.toString(), """
                {"referralId":"%s","receivedAt":"%s","municipalityCode":"0101","networkId":"%s","senderType":"SHELTER",
                 "childrenBirthYears":[%d,%d],"consentScopes":["QNET_CONTACT","STATISTICS"],
                 "matching":{"languages":["ar"],"needs":[],"availability":[],"interests":[]}}
                """.formatted(referral, Instant.now(), NETWORK, year - 8, year - 2));
        KafkaProbe.sendEvent(EventType.REFERRAL_STATUS_CHANGED, referral.toString(), """
                {"referralId":"%s","status":"ACCEPTED","networkId":"%s","changedAt":"%s"}
                """.formatted(referral, NETWORK, Instant.now().plusSeconds(1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> apply(coordinator, id, referral, 2).statusCode() == 409);
        apply(coordinator, id, referral, 2).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://qnet.rodekors.dk/problems/course-criteria-not-met"))
                .body("detail", containsString("held in 'da'; her referral names ar"))
                .body("detail", containsString("children aged 6-12; she has 1 child(ren) of that age by birth year, and 2 were put forward"));
        // The same course in Arabic, for her one child of the age: she may apply.
        String arabic = create(coordinator, course(LocalDate.now().plusWeeks(1), 6, 10, "CHILDREN", ",\"childMinAge\":6,\"childMaxAge\":12")
                .replace("\"da\"", "\"ar\"")).then().statusCode(201).extract().path("id");
        apply(coordinator, arabic, referral, 1).then().statusCode(201).body("state", equalTo("APPLIED")).body("children", equalTo(1));
        // A second application to the same cohort is a conflict; a referral of another network is unknown here.
        apply(coordinator, arabic, referral, 1).then().statusCode(409).body("type", containsString("course-already-applied"));
        apply(coordinator, arabic, woman("net-other", "[\"ar\"]", "[]"), 1).then().statusCode(400).body("errors[0].field", equalTo("referralId"));
        apply(coordinator, arabic, woman(NETWORK, "[\"ar\"]", "[]"), 0).then().statusCode(400).body("errors[0].field", equalTo("children"));
    }

    @Test
    void admissionFollowsTheQueueNeverOverCapacityAndAFreedPlaceGoesToTheNextBeforeTheSecondSession() {
        String id = createCourse(coordinator, 6, 2);
        List<String> queue = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            queue.add(apply(coordinator, id, woman(NETWORK, "[\"da\"]", "[]"), null).then().statusCode(201)
                    .body("position", equalTo(i + 1)).extract().path("id"));
        }
        admit(coordinator, id, "{\"count\":3}").then().statusCode(409).contentType(PROBLEM).body("type", containsString("course-full"));
        assertEquals(List.of("APPLIED", "APPLIED", "APPLIED", "APPLIED"), queue.stream().map(e -> state(id, e)).toList(), "all or nothing");
        admit(coordinator, id, "{}").then().statusCode(200).body("admitted.id", equalTo(queue.subList(0, 2)));
        admit(coordinator, id, "{}").then().statusCode(409).body("type", containsString("course-full"));
        admit(coordinator, id, "{\"count\":0}").then().statusCode(400);

        // Before the course begins, a place given back goes to the first in line.
        given().auth().oauth2(coordinator).delete("/api/v1/courses/" + id + "/enrolments/" + queue.get(0)).then().statusCode(200)
                .body("state", equalTo("WITHDRAWN"));
        assertEquals("ADMITTED", state(id, queue.get(2)));
        assertEquals("APPLIED", state(id, queue.get(3)));
        // After the first session an admitted woman drops out with a reason; the place still goes on before the second session.
        pastSession(id, 1);
        given().auth().oauth2(coordinator).delete("/api/v1/courses/" + id + "/enrolments/" + queue.get(1)).then().statusCode(409);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"reason\":\"BORED\"}")
                .post("/api/v1/courses/" + id + "/enrolments/" + queue.get(1) + "/drop-out").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"reason\":\"ILLNESS\"}")
                .post("/api/v1/courses/" + id + "/enrolments/" + queue.get(1) + "/drop-out").then().statusCode(200)
                .body("state", equalTo("DROPPED_OUT")).body("dropOutReason", equalTo("ILLNESS"));
        assertEquals("ADMITTED", state(id, queue.get(3)));
        // From the second session on, a freed place is not offered: the cohort has begun.
        UUID late = woman(NETWORK, "[\"da\"]", "[]");
        String lateOne = apply(coordinator, id, late, null).then().statusCode(201).extract().path("id");
        pastSession(id, 2);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"reason\":\"MOVED_AWAY\"}")
                .post("/api/v1/courses/" + id + "/enrolments/" + queue.get(2) + "/drop-out").then().statusCode(200);
        assertEquals("APPLIED", state(id, lateOne));
    }

    @Test
    void theNextCohortTakesOverTheWaitingListInItsOrder() {
        String first = createCourse(coordinator, 4, 1);
        List<UUID> women = List.of(woman(NETWORK, "[\"da\"]", "[]"), woman(NETWORK, "[\"da\"]", "[]"), woman(NETWORK, "[\"da\"]", "[]"));
        women.forEach(w -> apply(coordinator, first, w, null).then().statusCode(201));
        admit(coordinator, first, "{}").then().statusCode(200);
        String next = create(coordinator, course(LocalDate.now().plusWeeks(6), 4, 5, "WOMEN", ",\"previousCohortId\":\"" + first + "\""))
                .then().statusCode(201).body("previousCohortId", equalTo(first)).body("waiting", equalTo(2)).extract().path("id");
        JsonPath moved = enrolments(next);
        assertEquals(List.of(women.get(1).toString(), women.get(2).toString()), moved.getList("items.referralId"));
        assertEquals(List.of(1, 2), moved.getList("items.position"));
        assertEquals(List.of("ADMITTED", "MOVED_TO_NEXT_COHORT", "MOVED_TO_NEXT_COHORT"), enrolments(first).getList("items.state"));
        create(coordinator, course(LocalDate.now().plusWeeks(6), 4, 5, "WOMEN", ",\"previousCohortId\":\"" + UUID.randomUUID() + "\""))
                .then().statusCode(400).body("errors[0].field", equalTo("previousCohortId"));
    }

    /** Admissions and withdrawals at once, round after round: never over capacity, nobody skipped. */
    @Test
    void admissionsAndWithdrawalsThatRaceNeverOverfillNorSkipTheQueue() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = createCourse(coordinator, 4, 3);
            List<String> queue = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                queue.add(apply(coordinator, id, woman(NETWORK, "[\"da\"]", "[]"), null).then().statusCode(201).extract().path("id"));
            }
            admit(coordinator, id, "{\"count\":2}").then().statusCode(200);
            List<Integer> statuses = Race.of(List.<Callable<Integer>>of(
                    () -> admit(coordinator, id, "{}").statusCode(),
                    () -> admit(coordinator, id, "{}").statusCode(),
                    () -> given().auth().oauth2(coordinator).delete("/api/v1/courses/" + id + "/enrolments/" + queue.get(0)).statusCode(),
                    () -> given().auth().oauth2(coordinator).delete("/api/v1/courses/" + id + "/enrolments/" + queue.get(1)).statusCode(),
                    () -> given().auth().oauth2(coordinator).delete("/api/v1/courses/" + id + "/enrolments/" + queue.get(0)).statusCode()));
            assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409), statuses.toString());
            JsonPath all = enrolments(id);
            List<String> states = queue.stream().map(e -> all.getString("items.find { it.id == '" + e + "' }.state")).toList();
            assertEquals(List.of("WITHDRAWN", "WITHDRAWN"), states.subList(0, 2), statuses.toString());
            // Three places: the next three in the queue hold them, and the rest still wait, in order.
            assertEquals(List.of("ADMITTED", "ADMITTED", "ADMITTED", "APPLIED", "APPLIED"), states.subList(2, 7), statuses.toString());
            assertEquals(3, given().auth().oauth2(coordinator).get("/api/v1/courses/" + id).then().extract().jsonPath().getInt("placesTaken"));
        }
    }
}
