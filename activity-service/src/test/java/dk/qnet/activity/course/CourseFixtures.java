package dk.qnet.activity.course;

import static io.restassured.RestAssured.given;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

/** Courses the tests start from, and the two things only time and the events would do otherwise. */
final class CourseFixtures {

    private CourseFixtures() {
    }

    static String course(LocalDate firstDate, int sessions, int capacity, String audience, String extra) {
        return """
                {"title":"Mødregruppe","description":"Vi mødes og taler om at være mor efter krisecentret","theme":"MOTHERS",
                 "audience":"%s","language":"da","venue":"Netværkets lokaler, Kirkegade 3","venueKind":"NETWORK_PREMISES","capacity":%d,
                 "schedule":{"firstDate":"%s","startTime":"17:00","durationMinutes":120,"frequency":"WEEKLY","sessions":%d}%s}
                """.formatted(audience, capacity, firstDate, sessions, extra);
    }

    static Response create(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/courses");
    }

    /** A course for women, weekly from next week, with one staff leader. */
    static String createCourse(String token, int sessions, int capacity) {
        return create(token, course(LocalDate.now().plusWeeks(1), sessions, capacity, "WOMEN", ",\"leaders\":[{\"staffRole\":\"Koordinator\"}]"))
                .then().log().ifValidationFails().statusCode(201).extract().path("id");
    }

    /**
     * Makes the woman known to activity-service as a referral of the network that may take part,
     * with her languages and children's birth years, as her events would. The criteria test uses
     * real events.
     */
    static UUID woman(String networkId, String languagesJson, String birthYearsJson) {
        UUID referral = UUID.randomUUID();
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into known_referral (referral_id, network_id, status, contact_allowed, updated_at, languages, children_birth_years)
                        values (?1, ?2, 'ACCEPTED', true, now(), cast(?3 as jsonb), cast(?4 as jsonb))
                        """).setParameter(1, referral).setParameter(2, networkId).setParameter(3, languagesJson)
                .setParameter(4, birthYearsJson).executeUpdate());
        return referral;
    }

    static Response apply(String token, String courseId, UUID referral, Integer children) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"referralId\":\"" + referral + "\"" + (children == null ? "" : ",\"children\":" + children) + "}")
                .post("/api/v1/courses/" + courseId + "/enrolments");
    }

    static Response admit(String token, String courseId, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/courses/" + courseId + "/admissions");
    }

    /** Time passes for one course: its sessions move back by the given time, so the first ones have been held. */
    static void elapse(String courseId, Duration by) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        update course_session set starts_at = starts_at - make_interval(secs => ?2), ends_at = ends_at - make_interval(secs => ?2)
                        where course_id = ?1
                        """).setParameter(1, UUID.fromString(courseId)).setParameter(2, (double) by.toSeconds()).executeUpdate());
    }

    /**
     * Moves the course's sessions back in time so that session {@code number} ended an hour ago,
     * whatever the time of day the test runs at (a fixed shift left a 17:00 session in the future
     * before 16:00); weekly sessions leave the next one days ahead.
     */
    static void pastSession(String courseId, int number) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        update course_session s set starts_at = s.starts_at - d.shift, ends_at = s.ends_at - d.shift
                        from (select ends_at - now() + interval '1 hour' as shift from course_session where course_id = ?1 and number = ?2) d
                        where s.course_id = ?1
                        """).setParameter(1, UUID.fromString(courseId)).setParameter(2, number).executeUpdate());
    }

    static Response attendance(String token, String courseId, int number, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put("/api/v1/courses/" + courseId + "/sessions/" + number + "/attendance");
    }
}
