package dk.qnet.statistics.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.qnet.contracts.EventJson;
import dk.qnet.contracts.EventType;
import dk.qnet.testing.KafkaProbe;
import dk.qnet.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Closed courses through real Kafka into the analysts' figures: counted once each, by theme, with the completion rate. */
@QuarkusTest
class CourseStatisticsTest {

    static final String ANALYST = TestTokens.analyst();
    static final String NETWORK = "net-courses";

    static String ended(String theme, String endedAt, int sessions, int women, int children, int completed, int droppedOut) {
        return """
                {"courseId":"%s","networkId":"%s","theme":"%s","endedAt":"%s","sessionsHeld":%d,"women":%d,"children":%d,
                 "completed":%d,"droppedOut":%d}
                """.formatted(UUID.randomUUID(), NETWORK, theme, endedAt, sessions, women, children, completed, droppedOut);
    }

    static JsonPath kpis() {
        return given().auth().oauth2(ANALYST).get("/api/v1/statistics/kpis?year=2019&network=" + NETWORK).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void closedCoursesAreCountedOnceEachByThemeWithTheirCompletionRate() {
        String key = UUID.randomUUID().toString();
        UUID duplicated = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            KafkaProbe.sendEvent(EventType.COURSE_ENDED, key, ended("MOTHERS", "2019-05-1" + i + "T18:00:00Z", 10, 4, 0, 3, 1),
                    i == 0 ? duplicated : UUID.randomUUID());
            KafkaProbe.sendEvent(EventType.COURSE_ENDED, key, ended("ECONOMY", "2019-06-1" + i + "T18:00:00Z", 8, 6, 2, 5, 0));
        }
        // The first again, as a redelivery: the inbox lets it through once.
        KafkaProbe.sendEvent(EventType.COURSE_ENDED, key, ended("MOTHERS", "2019-05-10T18:00:00Z", 10, 4, 0, 3, 1), duplicated);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(10, kpis().getInt("figures.coursesHeld.value")));

        JsonPath year = kpis();
        assertEquals(90, year.getInt("figures.courseSessions.value"));
        assertEquals(50, year.getInt("figures.courseWomen.value"));
        assertEquals(10, year.getInt("figures.courseChildren.value"));
        assertEquals(40, year.getInt("figures.courseCompletions.value"));
        assertEquals(5, year.getInt("figures.courseDropOuts.value"));
        assertEquals(0.8, year.getDouble("ratios.shareCourseWomenCompleted"));
        // A referral source filter does not apply to course figures: they stay whole.
        assertEquals(50, given().auth().oauth2(ANALYST).get("/api/v1/statistics/kpis?year=2019&source=SHELTER&network=" + NETWORK)
                .then().statusCode(200).extract().jsonPath().getInt("figures.courseWomen.value"));

        given().auth().oauth2(ANALYST).get("/api/v1/statistics/breakdown?kpi=courseWomen&by=theme&year=2019&network=" + NETWORK)
                .then().statusCode(200)
                .body("parts.find { it.key == 'MOTHERS' }.figure.value", equalTo(20))
                .body("parts.find { it.key == 'ECONOMY' }.figure.value", equalTo(30))
                .body("parts.find { it.key == 'SHELTER' }", equalTo(null));
    }

    @Test
    void theGoldenSampleOfActivityServiceIsConsumed() {
        KafkaProbe.sendEvent(EventType.COURSE_ENDED, UUID.randomUUID().toString(), EventJson.sample(EventType.COURSE_ENDED));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertEquals(14, given().auth().oauth2(ANALYST).get("/api/v1/statistics/kpis?year=2026&month=5&network=net-odense")
                        .then().statusCode(200).extract().jsonPath().getInt("figures.courseSessions.value")));
    }
}
