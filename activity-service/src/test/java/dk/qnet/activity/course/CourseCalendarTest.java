package dk.qnet.activity.course;

import static dk.qnet.activity.course.CourseFixtures.apply;
import static dk.qnet.activity.course.CourseFixtures.createCourse;
import static dk.qnet.activity.course.CourseFixtures.woman;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Status;
import dk.qnet.activity.ActivityFixtures;
import dk.qnet.contracts.DanishTime;
import dk.qnet.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A course's calendar feed, read by a real iCalendar parser: moved sessions at their new time, cancelled ones marked so, no names. */
@QuarkusTest
class CourseCalendarTest {

    static final String NETWORK = "net-silkeborg";

    @Inject
    EntityManager em;

    static List<VEvent> events(String url) {
        String ics = given().get(URI.create(url).getPath()).then().statusCode(200).extract().asString();
        List<ICalendar> calendars = Biweekly.parse(ics).all();
        assertEquals(1, calendars.size());
        return calendars.get(0).getEvents();
    }

    static VEvent event(List<VEvent> events, int number, int of) {
        return events.stream().filter(e -> e.getSummary().getValue().endsWith("(" + number + "/" + of + ")")).findFirst().orElseThrow();
    }

    @Test
    void aMovedSessionShowsAtItsNewTimeWithAHigherSequenceAndACancelledOneAsCancelled() {
        ActivityFixtures.network(em, NETWORK);
        String coordinator = TestTokens.coordinator(NETWORK);
        String id = createCourse(coordinator, 5, 6);
        UUID referral = woman(NETWORK, "[\"da\"]", "[]");
        apply(coordinator, id, referral, null).then().statusCode(201);
        String url = given().auth().oauth2(coordinator).put("/api/v1/courses/" + id + "/calendar-link").then().statusCode(200)
                .header("Cache-Control", "no-store").extract().path("url");
        assertTrue(url.startsWith("https://qnet.example.org/api/v1/calendar/"), url);

        List<VEvent> before = events(url);
        assertEquals(5, before.size());
        assertEquals(0, event(before, 2, 5).getSequence().getValue());
        assertEquals(Status.confirmed().getValue(), event(before, 3, 5).getStatus().getValue());

        JsonPath c = given().auth().oauth2(coordinator).get("/api/v1/courses/" + id).then().extract().jsonPath();
        LocalDate day = Instant.parse(c.getString("sessions[1].startsAt")).atZone(DanishTime.ZONE).toLocalDate().plusDays(1);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"date\":\"" + day + "\",\"startTime\":\"10:30\",\"durationMinutes\":90}")
                .put("/api/v1/courses/" + id + "/sessions/2").then().statusCode(200);
        given().auth().oauth2(coordinator).post("/api/v1/courses/" + id + "/sessions/3/cancel").then().statusCode(200);

        List<VEvent> after = events(url);
        assertEquals(5, after.size(), "a cancelled session stays in the feed, so calendars remove it");
        VEvent moved = event(after, 2, 5);
        assertEquals(1, moved.getSequence().getValue());
        assertEquals(event(before, 2, 5).getUid().getValue(), moved.getUid().getValue(), "the same event, moved");
        assertEquals(Date.from(ZonedDateTime.of(day, java.time.LocalTime.of(10, 30), DanishTime.ZONE).toInstant()), moved.getDateStart().getValue());
        assertEquals(Date.from(ZonedDateTime.of(day, java.time.LocalTime.of(12, 0), DanishTime.ZONE).toInstant()), moved.getDateEnd().getValue());
        VEvent cancelled = event(after, 3, 5);
        assertEquals(Status.cancelled().getValue(), cancelled.getStatus().getValue());
        assertEquals(1, cancelled.getSequence().getValue());
        String ics = given().get(URI.create(url).getPath()).then().extract().asString();
        assertFalse(ics.contains(referral.toString()), "no participant in the feed");

        // The network's own feed has the course's sessions too.
        String network = given().auth().oauth2(coordinator).put("/api/v1/calendar-links/" + NETWORK).then().statusCode(200).extract().path("url");
        assertEquals(5, events(network).stream().filter(e -> e.getSummary().getValue().startsWith("Mødregruppe")).count());

        // Revoked, the link answers 404 like any unknown link.
        given().auth().oauth2(coordinator).delete("/api/v1/courses/" + id + "/calendar-link").then().statusCode(204);
        given().get(URI.create(url).getPath()).then().statusCode(404);
        given().auth().oauth2(coordinator).delete("/api/v1/courses/" + id + "/calendar-link").then().statusCode(404);
    }
}
