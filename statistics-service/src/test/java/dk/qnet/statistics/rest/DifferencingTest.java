package dk.qnet.statistics.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The differencing attack: a region with a big network (15 referrals) and a small one (2). The
 * region's total is public; the big network's is one analyst query away. Subtracting would give
 * away the 2. Every figure an analyst can ask for about 2020 is gathered, and no difference of
 * two published figures may equal the small network's count in a cell where it is hidden.
 */
@QuarkusTest
class DifferencingTest {

    static final String BIG = "net-diff-big";
    static final String SMALL = "net-diff-small";

    static void referrals(String network, String municipality, int count) {
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            KafkaProbe.sendEvent(EventType.REFERRAL_RECEIVED, id.toString(), """
                    {"referralId":"%s","receivedAt":"2020-10-%02dT10:00:00Z","municipalityCode":"%s","networkId":"%s",
                     "senderType":"SHELTER","childrenBirthYears":[],"consentScopes":["STATISTICS"]}
                    """.formatted(id, i + 1, municipality, network));
        }
    }

    static Long figure(String query) {
        JsonPath k = given().auth().oauth2(TestTokens.analyst()).get("/api/v1/statistics/kpis?year=2020" + query).then().statusCode(200)
                .extract().jsonPath();
        Object v = k.get("figures.referralsReceived.value");
        return v == null ? null : ((Number) v).longValue();
    }

    @Test
    void twoOverlappingQueriesSubtractedRevealNothing() {
        for (String[] n : new String[][] {{BIG, "0751"}, {SMALL, "0665"}}) {
            KafkaProbe.sendEvent(EventType.NETWORK_UPDATED, n[0], """
                    {"networkId":"%s","name":"Qnet %s","municipalityCodes":["%s"],"active":true,"updatedAt":"2020-01-02T09:00:00Z"}
                    """.formatted(n[0], n[0], n[1]));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/statistics/headline?year=2020&region=1082").then().body("figures.networksActive.value", org.hamcrest.Matchers.equalTo(2)));
        referrals(BIG, "0751", 15);
        referrals(SMALL, "0665", 2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(17L, figure("&region=1082")));

        // Without complementary suppression the big network would read 15, and 17 - 15 = 2.
        assertNull(figure("&network=" + SMALL));
        assertNull(figure("&network=" + BIG), "the big network is hidden to protect the small one");
        List<Long> published = new ArrayList<>();
        for (String scope : List.of("", "&region=1082", "&network=" + BIG, "&network=" + SMALL)) {
            for (String period : List.of("", "&quarter=4", "&month=10", "&month=11")) {
                for (String source : List.of("", "&source=SHELTER")) {
                    Long v = figure(scope + period + source);
                    if (v != null) {
                        published.add(v);
                    }
                }
            }
        }
        given().get("/api/v1/statistics/headline?year=2020&region=1082").then().extract().jsonPath()
                .getList("trends.referralsReceived.figure.value").forEach(v -> {
                    if (v != null) {
                        published.add(((Number) v).longValue());
                    }
                });
        JsonPath breakdown = given().auth().oauth2(TestTokens.analyst())
                .get("/api/v1/statistics/breakdown?kpi=referralsReceived&by=network&year=2020&region=1082").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(true, true), breakdown.getList("parts.findAll { it.key.startsWith('net-diff') }.figure.suppressed"));
        assertTrue(published.contains(17L));
        for (long a : published) {
            for (long b : published) {
                assertNotEquals(2L, a - b, "two published figures differ by the hidden count: " + a + " - " + b);
            }
        }
    }

    /**
     * The rejections by reason, subtracted from their total: in 2018 a network rejects 12 referrals,
     * 10 out of area, 1 not in the target group and 1 declined by the woman. When each reason was a
     * cube of its own, the total (12) and the out-of-area count (10) were both shown, and left 2 for
     * the two hidden reasons: both 1. Every report an analyst can ask for must leave the hidden
     * reasons of a shown total either nothing or at least the threshold.
     */
    @Test
    void theShownReasonsSubtractedFromTheTotalRevealNothing() {
        String network = "net-diff-reasons";
        KafkaProbe.sendEvent(EventType.NETWORK_UPDATED, network, """
                {"networkId":"%s","name":"Qnet reasons","municipalityCodes":["0825"],"active":true,"updatedAt":"2018-01-02T09:00:00Z"}
                """.formatted(network));
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            reasons.add("OUT_OF_AREA");
        }
        reasons.add("NOT_IN_TARGET_GROUP");
        reasons.add("DECLINED_BY_WOMAN");
        for (int i = 0; i < reasons.size(); i++) {
            UUID id = UUID.randomUUID();
            KafkaProbe.sendEvent(EventType.REFERRAL_RECEIVED, id.toString(), """
                    {"referralId":"%s","receivedAt":"2018-03-%02dT10:00:00Z","municipalityCode":"0825","networkId":"%s",
                     "senderType":"SHELTER","childrenBirthYears":[],"consentScopes":["STATISTICS"]}
                    """.formatted(id, i + 1, network));
            KafkaProbe.sendEvent(EventType.REFERRAL_STATUS_CHANGED, id.toString(), """
                    {"referralId":"%s","networkId":"%s","status":"REJECTED","reason":"%s","changedAt":"2018-03-%02dT12:00:00Z"}
                    """.formatted(id, network, reasons.get(i), i + 2));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(12, rejections("").getInt("figures.referralsRejected.value")));

        int threshold = rejections("").getInt("suppressionThreshold");
        int reports = 0;
        for (String scope : List.of("", "&region=1081", "&network=" + network)) {
            for (String period : List.of("", "&quarter=1", "&month=3")) {
                for (String source : List.of("", "&source=SHELTER")) {
                    JsonPath k = rejections(scope + period + source);
                    Object total = k.get("figures.referralsRejected.value");
                    long shown = 0;
                    int hidden = 0;
                    for (String reason : List.of("OUT_OF_AREA", "NOT_IN_TARGET_GROUP", "DECLINED_BY_WOMAN")) {
                        Object v = k.get("figures.'referralsRejected." + reason + "'.value");
                        assertTrue(v != null || k.getBoolean("figures.'referralsRejected." + reason + "'.suppressed"), reason + " is in the report");
                        if (v == null) {
                            hidden++;
                        } else {
                            shown += ((Number) v).longValue();
                        }
                    }
                    if (total != null && hidden > 0) {
                        long left = ((Number) total).longValue() - shown;
                        assertTrue(left >= threshold, "the " + hidden + " hidden reason(s) of " + scope + period + source
                                + " add up to " + left + ": each is worked out or narrowed below " + threshold);
                    }
                    reports++;
                }
            }
        }
        assertEquals(18, reports);
        // The breakdown by reason reads the same cells.
        JsonPath byReason = given().auth().oauth2(TestTokens.analyst())
                .get("/api/v1/statistics/breakdown?kpi=referralsRejected&by=reason&year=2018").then().statusCode(200).extract().jsonPath();
        assertEquals(rejections("").getBoolean("figures.'referralsRejected.OUT_OF_AREA'.suppressed"),
                byReason.getBoolean("parts.find { it.key == 'OUT_OF_AREA' }.figure.suppressed"));
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/statistics/breakdown?kpi=referralsReceived&by=reason&year=2018")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("by"));
    }

    static JsonPath rejections(String query) {
        return given().auth().oauth2(TestTokens.analyst()).get("/api/v1/statistics/kpis?year=2018" + query)
                .then().statusCode(200).extract().jsonPath();
    }
}
