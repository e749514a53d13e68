package dk.qnet.activity.calendar;

import static dk.qnet.activity.ActivityFixtures.activity;
import static dk.qnet.activity.ActivityFixtures.create;
import static dk.qnet.activity.ActivityFixtures.register;
import static dk.qnet.activity.ActivityFixtures.woman;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import dk.qnet.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CalendarFeedTest {

    @Inject
    EntityManager em;

    static String path(String url) {
        return URI.create(url).getPath();
    }

    @Test
    void theFeedParsesWithARealParserShowsPlannedActivitiesOnlyAndCanBeRevoked() {
        dk.qnet.activity.ActivityFixtures.network(em, "net-roskilde");
        String coordinator = TestTokens.coordinator("net-roskilde");
        Instant start = Instant.now().plus(Duration.ofDays(8)).truncatedTo(ChronoUnit.SECONDS);
        String longTitle = "Udflugt til skoven, med madpakker; husk varmt tøj og gummistøvler – vi mødes ved stationen kl. 10";
        String id = create(coordinator, activity(start, 40).replace("Fællesspisning", longTitle))
                .then().statusCode(201).extract().path("id");
        String referral = UUID.randomUUID().toString();
        register(coordinator, id, woman(UUID.fromString(referral), 1)).then().statusCode(201);
        String cancelled = create(coordinator, activity(start.plus(Duration.ofDays(1)), 10)).then().statusCode(201).extract().path("id");
        given().auth().oauth2(coordinator).post("/api/v1/activities/" + cancelled + "/cancel").then().statusCode(200);

        String url = given().auth().oauth2(coordinator).put("/api/v1/calendar-links/net-roskilde")
                .then().statusCode(200).extract().path("url");
        String ics = given().get(path(url)).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/calendar")).extract().asString();

        List<ICalendar> calendars = Biweekly.parse(ics).all();
        assertEquals(1, calendars.size());
        List<VEvent> events = calendars.get(0).getEvents();
        assertEquals(1, events.size(), "the cancelled activity is not in the feed");
        VEvent event = events.get(0);
        assertEquals(longTitle, event.getSummary().getValue(), "escaping and line folding survive a real parser");
        assertEquals("Netværkets lokaler, Kirkegade 3", event.getLocation().getValue());
        assertEquals(Date.from(start), event.getDateStart().getValue());
        assertEquals(Date.from(start.plus(Duration.ofHours(3))), event.getDateEnd().getValue());
        assertNotNull(event.getUid());
        assertFalse(ics.contains(referral), "no participant data");
        assertFalse(ics.contains("Vi laver mad sammen"), "descriptions stay out");
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75, "folded: " + line);
        }

        // A new link revokes the old; deleting it revokes it too.
        String renewed = given().auth().oauth2(coordinator).put("/api/v1/calendar-links/net-roskilde")
                .then().statusCode(200).extract().path("url");
        given().get(path(url)).then().statusCode(404).contentType("application/problem+json");
        given().get(path(renewed)).then().statusCode(200);
        // The link starts with the configured public https address, never the request's own (http behind the ingress).
        assertTrue(renewed.startsWith("https://qnet.example.org/api/v1/calendar/"), renewed);
        // A link runs out: after 180 days it is refused like a revoked one.
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update calendar_link set created_at = created_at - interval '181 days' where network_id = 'net-roskilde'").executeUpdate());
        given().get(path(renewed)).then().statusCode(404);
        String fresh = given().auth().oauth2(coordinator).put("/api/v1/calendar-links/net-roskilde")
                .then().statusCode(200).body("expiresAt", org.hamcrest.Matchers.notNullValue()).extract().path("url");
        given().get(path(fresh)).then().statusCode(200);
        given().auth().oauth2(coordinator).delete("/api/v1/calendar-links/net-roskilde").then().statusCode(204);
        given().get(path(fresh)).then().statusCode(404);
        given().get("/api/v1/calendar/" + "0".repeat(64) + ".ics").then().statusCode(404);
        given().get("/api/v1/calendar/not-a-token.ics").then().statusCode(404);

        given().auth().oauth2(TestTokens.coordinator("net-other")).put("/api/v1/calendar-links/net-roskilde")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.shelter("s")).put("/api/v1/calendar-links/net-roskilde").then().statusCode(403);
    }
}
