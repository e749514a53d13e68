package dk.qnet.statistics.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dk.qnet.contracts.EventJson;
import dk.qnet.contracts.EventType;
import dk.qnet.statistics.publish.Figures;
import dk.qnet.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ActivityStatisticsTest {

    static String held(UUID id, String startsAt, int women, int children, int volunteers) {
        return """
                {"activityId":"%s","networkId":"net-vejle","type":"MEAL","startsAt":"%s","women":%d,"children":%d,"volunteers":%d}
                """.formatted(id, startsAt, women, children, volunteers);
    }

    @Test
    void heldActivitiesAreCountedOnceEachWithSuppressedSmallCells() {
        String key = UUID.randomUUID().toString();
        UUID duplicated = UUID.randomUUID();
        for (int i = 0; i < 6; i++) {
            UUID eventId = i == 0 ? duplicated : UUID.randomUUID();
            KafkaProbe.sendEvent(EventType.ACTIVITY_HELD, key, held(UUID.randomUUID(), "2025-04-1" + i + "T16:00:00Z", 3, 2, 1), eventId);
        }
        KafkaProbe.sendEvent(EventType.ACTIVITY_HELD, key, held(UUID.randomUUID(), "2025-04-10T16:00:00Z", 3, 2, 1), duplicated);
        // A marker on the same key, hence the same partition, after the duplicate.
        // The marker falls in another year, so no total of 2025 hides April to protect it.
        KafkaProbe.sendEvent(EventType.ACTIVITY_HELD, key, held(UUID.randomUUID(), "2016-05-02T16:00:00Z", 1, 0, 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/statistics/activities?year=2016").then().statusCode(200)
                        .body("months.find { it.month == '2016-05' }.held.display", equalTo(Figures.HIDDEN)));

        given().get("/api/v1/statistics/activities?year=2025").then()
                .body("months.find { it.month == '2025-04' }.held.value", equalTo(6))
                .body("months.find { it.month == '2025-04' }.women.value", equalTo(18))
                .body("months.find { it.month == '2025-04' }.children.value", equalTo(12))
                .body("months.find { it.month == '2025-04' }.volunteers.value", equalTo(6));
        given().get("/api/v1/statistics/activities?year=2016").then()
                .body("months.find { it.month == '2016-05' }.women.value", nullValue())
                .body("months.find { it.month == '2016-05' }.women.suppressed", equalTo(true))
                .body("months.find { it.month == '2016-05' }.women.display", equalTo(Figures.HIDDEN));
    }

    @Test
    void theGoldenSampleOfActivityServiceIsConsumed() {
        KafkaProbe.sendEvent(EventType.ACTIVITY_HELD, UUID.randomUUID().toString(), EventJson.sample(EventType.ACTIVITY_HELD));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/statistics/activities?year=2026").then()
                        .body("months.find { it.month == '2026-12' }.children.value", equalTo(14)));
    }
}
