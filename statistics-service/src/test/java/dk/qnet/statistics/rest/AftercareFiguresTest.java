package dk.qnet.statistics.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.qnet.contracts.EventType;
import dk.qnet.testing.KafkaProbe;
import dk.qnet.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The municipality's §109 aftercare in the analysts' figures, through real Kafka: windows opened at
 * the move-out (and those with a handover before it), extended, closed, closed with goals open,
 * and the goals met; only women who consented to statistics. 2012, a network of its own.
 */
@QuarkusTest
class AftercareFiguresTest {

    static final String NETWORK = "net-aftercare";

    static JsonPath kpis(String query) {
        return given().auth().oauth2(TestTokens.analyst()).get("/api/v1/statistics/kpis?network=" + NETWORK + "&" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theWindowsOfConsentedWomenAreCountedWhereTheyAreDue() {
        KafkaProbe.sendEvent(EventType.NETWORK_UPDATED, NETWORK, """
                {"networkId":"%s","name":"Qnet efterværn","municipalityCodes":["0461"],"active":true,"updatedAt":"2012-01-02T09:00:00Z"}
                """.formatted(NETWORK));
        List<UUID> women = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            UUID id = UUID.randomUUID();
            women.add(id);
            KafkaProbe.sendEvent(EventType.REFERRAL_RECEIVED, id.toString(), """
                    {"referralId":"%s","receivedAt":"2012-01-10T10:00:00Z","municipalityCode":"0461","networkId":"%s",
                     "senderType":"SHELTER","childrenBirthYears":[],"consentScopes":%s}
                    """.formatted(id, NETWORK, i < 6 ? "[\"STATISTICS\",\"SHARE_WITH_MUNICIPALITY\"]" : "[]"));
            KafkaProbe.sendEvent(EventType.AFTERCARE_WINDOW_OPENED, id.toString(), """
                    {"referralId":"%s","municipalityCode":"0461","movedOutOn":"2012-03-05","endsOn":"2012-09-05",
                     "handoverBeforeMoveOut":%s,"openedAt":"2012-03-05T12:00:00Z"}
                    """.formatted(id, i != 0));
            if (i < 5 || i == 6) {
                KafkaProbe.sendEvent(EventType.AFTERCARE_WINDOW_EXTENDED, id.toString(), """
                        {"referralId":"%s","municipalityCode":"0461","endsOn":"2012-12-05","reason":"HOUSING_NOT_SETTLED",
                         "extendedAt":"2012-08-20T09:00:00Z"}
                        """.formatted(id));
            }
            KafkaProbe.sendEvent(EventType.AFTERCARE_WINDOW_CLOSED, id.toString(), """
                    {"referralId":"%s","municipalityCode":"0461","endedOn":"2012-12-05","extended":true,
                     "goals":[{"domain":"HOUSING","met":1,"open":%d,"dropped":0},{"domain":"NETWORK","met":%d,"open":0,"dropped":1}],
                     "goalsStillOpen":%s,"closedAt":"2012-12-06T02:00:00Z"}
                    """.formatted(id, i < 5 ? 1 : 0, i == 0 ? 1 : 0, i < 5));
        }
        await().ignoreExceptions().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertEquals(6, kpis("year=2012").getInt("figures.aftercareWindowsClosed.value")));
        JsonPath year = kpis("year=2012");
        assertEquals(6, year.getInt("figures.aftercareWindowsOpened.value"), "the unconsented woman counts nowhere");
        assertEquals(5, year.getInt("figures.aftercareHandoversBeforeMoveOut.value"));
        assertEquals(5, year.getInt("figures.aftercareExtensions.value"));
        assertEquals(5, year.getInt("figures.aftercareClosedWithGoalsOpen.value"));
        assertEquals(7, year.getInt("figures.aftercareGoalsMet.value"));
        // Each in its month: opened in March, closed in December.
        assertEquals(6, kpis("year=2012&month=3").getInt("figures.aftercareWindowsOpened.value"));
        assertEquals(6, kpis("year=2012&month=12").getInt("figures.aftercareWindowsClosed.value"));
        assertEquals(0, kpis("year=2012&month=3").getInt("figures.aftercareWindowsClosed.value"));
    }
}
