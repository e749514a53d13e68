package dk.qnet.statistics.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.qnet.contracts.DanishTime;
import dk.qnet.contracts.EventJson;
import dk.qnet.contracts.EventType;
import dk.qnet.statistics.publish.Figures;
import dk.qnet.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StatisticsResourceTest {

    /** A service that only consumes: no outbox relay polling an outbox it never writes, and none of the pages' parts. */
    @Test
    void theServiceHasNoOutboxAndNoPages() {
        assertFalse(io.quarkus.arc.Arc.container().select(dk.qnet.platform.outbox.OutboxRelay.class).isResolvable(), "no outbox relay");
        assertFalse(io.quarkus.arc.Arc.container().select(dk.qnet.platform.outbox.Outbox.class).isResolvable(), "no outbox");
        assertFalse(io.quarkus.arc.Arc.container().select(dk.qnet.platform.problem.ErrorPages.class).isResolvable(), "no error pages");
        assertThrows(ClassNotFoundException.class, () -> Class.forName("dk.qnet.platform.web.PageErrors"), "no pages module");
        given().get("/sider/").then().statusCode(404).contentType("application/problem+json");
    }

    @Inject
    PublicFiguresRateLimit publicLimit;

    static String referralReceived(UUID id, String receivedAt) {
        return """
                {"referralId":"%s","receivedAt":"%s","municipalityCode":"0101","networkId":"net-koebenhavn",
                 "senderType":"MUNICIPALITY","childrenBirthYears":[],"consentScopes":["QNET_CONTACT","STATISTICS"]}
                """.formatted(id, receivedAt);
    }

    /** A month of the year; 400 until the year has data (a year without data is refused). */
    static JsonPath month(int year, int month) {
        return given().get("/api/v1/statistics/referrals-received?year=" + year)
                .then().statusCode(200).extract().jsonPath()
                .setRootPath("months.find { it.month == '%d-%02d' }".formatted(year, month));
    }

    @Test
    void referralsAreCountedPerMonthOnceEachEvenWhenRedelivered() {
        UUID duplicated = UUID.randomUUID();
        String duplicatedKey = null;
        for (int i = 0; i < 6; i++) {
            UUID id = UUID.randomUUID();
            duplicatedKey = i == 0 ? id.toString() : duplicatedKey;
            UUID eventId = i == 0 ? duplicated : UUID.randomUUID();
            KafkaProbe.sendEvent(EventType.REFERRAL_RECEIVED, id.toString(), referralReceived(id, "2024-05-1" + i + "T10:00:00Z"), eventId);
            if (i == 0) {
                KafkaProbe.sendEvent(EventType.REFERRAL_RECEIVED, id.toString(), referralReceived(id, "2024-05-10T10:00:00Z"), eventId);
            }
        }
        // A marker after the duplicate on the same key, so the same partition: once it is counted,
        // the duplicate has been consumed too. It falls in another year, so no total of 2024 makes
        // May's count a complementary-suppressed cell.
        UUID marker = UUID.randomUUID();
        KafkaProbe.sendEvent(EventType.REFERRAL_RECEIVED, duplicatedKey, referralReceived(marker, "2017-06-01T10:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> Figures.HIDDEN.equals(month(2017, 6).getString("display")));

        JsonPath may = month(2024, 5);
        org.junit.jupiter.api.Assertions.assertEquals(6, may.getInt("received"));
        org.junit.jupiter.api.Assertions.assertEquals("6", may.getString("display"));
        org.junit.jupiter.api.Assertions.assertFalse(may.getBoolean("suppressed"));
    }

    /** Here / is the public dashboard itself, not the redirect to the pages the other services give a browser. */
    @Test
    void theRootIsThePublicDashboard() {
        given().redirects().follow(false).get("/").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/html"))
                .body(org.hamcrest.Matchers.containsString("echarts"));
    }

    @Test
    void smallCountsArePublishedSuppressedNeverAsTheNumber() {
        for (int i = 0; i < 3; i++) {
            UUID id = UUID.randomUUID();
            KafkaProbe.sendEvent(EventType.REFERRAL_RECEIVED, id.toString(), referralReceived(id, "2023-02-0" + (i + 1) + "T10:00:00Z"));
        }
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> Figures.HIDDEN.equals(month(2023, 2).getString("display")));
        given().get("/api/v1/statistics/referrals-received?year=2023").then()
                .body("suppressionThreshold", equalTo(5))
                .body("months.find { it.month == '2023-02' }.received", nullValue())
                .body("months.find { it.month == '2023-02' }.suppressed", equalTo(true))
                .body("months.find { it.month == '2023-03' }.display", equalTo("0"))
                .body("months.size()", equalTo(12));
    }

    @Test
    void anAddressThatSweepsThePublicFiguresIsToldToWait() {
        java.util.List<String> local = java.util.List.of("127.0.0.1", "0:0:0:0:0:0:0:1");
        local.forEach(publicLimit::forget);
        try {
            int calls = 0;
            Response answer;
            do {
                answer = given().get("/api/v1/statistics/headline?region=108" + (calls % 5) + "&year=" + (2001 + calls % 100));
                calls++;
            } while (answer.statusCode() != 429 && calls < 400);
            org.junit.jupiter.api.Assertions.assertEquals(429, answer.statusCode(), "no limit after " + calls + " anonymous calls");
            org.junit.jupiter.api.Assertions.assertTrue(calls > 300, "limited after only " + calls + " calls");
            answer.then().contentType("application/problem+json").header("Retry-After", org.hamcrest.Matchers.notNullValue())
                    .body("type", org.hamcrest.Matchers.endsWith("too-many-requests"))
                    .header("RateLimit-Policy", org.hamcrest.Matchers.matchesPattern("\"public-figures\";q=[0-9]+;w=60"))
                    .header("RateLimit", org.hamcrest.Matchers.matchesPattern("\"public-figures\";r=0;t=[1-9][0-9]*"));
            // A signed-in analyst at the same address is not held back by the public limit.
            given().auth().oauth2(dk.qnet.testing.TestTokens.analyst()).get("/api/v1/statistics/headline?year=2026")
                    .then().statusCode(org.hamcrest.Matchers.not(429));
        } finally {
            local.forEach(publicLimit::forget);
        }
    }

    @Test
    void aLaterAdditiveVersionOfAnEventIsCountedNotDeadLettered() {
        int deadLettered = KafkaProbe.readAll("qnet.referrals.v1.dlq").size();
        UUID id = UUID.randomUUID();
        String v2 = referralReceived(id, "2010-04-02T10:00:00Z").trim().replaceFirst("\\}$",
                ", \"aftercareWindowMonths\": 6, \"addedLater\": {\"code\": \"X\"}}");
        KafkaProbe.send(EventType.REFERRAL_RECEIVED.topic(), id.toString(), v2, java.util.Map.of(
                dk.qnet.contracts.EventHeaders.EVENT_ID, UUID.randomUUID().toString(),
                dk.qnet.contracts.EventHeaders.EVENT_TYPE, EventType.REFERRAL_RECEIVED.typeName(),
                dk.qnet.contracts.EventHeaders.OCCURRED_AT, java.time.Instant.now().toString(),
                dk.qnet.contracts.EventHeaders.SCHEMA_VERSION, String.valueOf(EventType.REFERRAL_RECEIVED.schemaVersion() + 1)));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> Figures.HIDDEN.equals(month(2010, 4).getString("display")));
        org.junit.jupiter.api.Assertions.assertEquals(deadLettered, KafkaProbe.readAll("qnet.referrals.v1.dlq").size());
    }

    @Test
    void theGoldenSampleIsCountedInItsMonth() {
        // Sent with a fresh event id, so it counts even if another test sent the sample too.
        KafkaProbe.sendEvent(EventType.REFERRAL_RECEIVED, UUID.randomUUID().toString(), EventJson.sample(EventType.REFERRAL_RECEIVED));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> Figures.HIDDEN.equals(month(2026, 3).getString("display")));
    }

    @Test
    void theHeadlineIsPublicAndABadYearIsAProblem() {
        given().get("/api/v1/statistics/referrals-received").then().statusCode(200);
        given().get("/api/v1/statistics/referrals-received?year=abc").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("year"));
        given().get("/api/v1/statistics/referrals-received?year=1999").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void onlyYearsWithDataAreAccepted() {
        int current = java.time.LocalDate.now(DanishTime.ZONE).getYear();
        given().get("/api/v1/statistics/headline?year=" + current).then().statusCode(200);
        // An anonymous sweep of empty years is refused before any cube is computed.
        for (String year : java.util.List.of(String.valueOf(current + 1), "2100", "2001")) {
            given().get("/api/v1/statistics/headline?year=" + year).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("year"));
        }
    }

    @Inject
    dk.qnet.statistics.publish.FigureWarmer warmer;

    /**
     * The warm-up computes this year's figures in its own transaction once the aggregates have
     * stayed still for a tick (the test calls the ticks itself), and only once per change.
     */
    @Test
    void theFiguresAreWarmedOnceTheAggregatesStayStill() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(warmer::warmIfQuiet);
        int thisYear = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen")).getYear();
        given().get("/api/v1/statistics/headline?year=" + thisYear).then().statusCode(200);
        // Warmed for this version already: nothing more to do until an event changes the aggregates.
        await().atMost(Duration.ofSeconds(60)).until(() -> !warmer.warmIfQuiet());
    }
}
