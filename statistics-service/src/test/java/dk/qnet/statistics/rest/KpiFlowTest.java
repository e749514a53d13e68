package dk.qnet.statistics.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.qnet.contracts.EventType;
import dk.qnet.statistics.publish.Figures;
import dk.qnet.testing.KafkaProbe;
import dk.qnet.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A known stream of events for one network in 2021, through the real Kafka into the real
 * PostgreSQL, and every KPI checked exactly against it, with a duplicated event counted once,
 * women without STATISTICS consent only in the referrals received, and an erasure that leaves the
 * published totals as they were.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KpiFlowTest {

    static final String NETWORK = "net-kpi-a";
    static final String ANALYST = TestTokens.analyst();
    static final List<UUID> consented = new ArrayList<>();
    static final List<UUID> withoutConsent = new ArrayList<>();
    static final Map<UUID, UUID> matchOf = new HashMap<>();

    @Inject
    EntityManager em;

    static void send(EventType type, UUID key, String json) {
        KafkaProbe.sendEvent(type, key.toString(), json);
    }

    static String received(UUID id, String day, String source, int children, boolean statistics) {
        return """
                {"referralId":"%s","receivedAt":"2021-%sT10:00:00Z","municipalityCode":"0851","networkId":"%s","senderType":"%s",
                 "childrenBirthYears":%s,"consentScopes":%s}
                """.formatted(id, day, NETWORK, source, children == 1 ? "[2015]" : "[]",
                statistics ? "[\"QNET_CONTACT\",\"STATISTICS\"]" : "[\"QNET_CONTACT\"]");
    }

    static String status(UUID id, String status, String reason, String at) {
        return """
                {"referralId":"%s","networkId":"%s","status":"%s",%s"changedAt":"2021-%sT12:00:00Z"}
                """.formatted(id, NETWORK, status, reason == null ? "" : "\"reason\":\"" + reason + "\",", at);
    }

    static String match(UUID match, UUID referral, String at, String extra) {
        return """
                {"matchId":"%s","referralId":"%s","networkId":"%s","volunteerId":"%s"%s,"at":"2021-%sT10:00:00Z"}
                """.formatted(match, referral, NETWORK, new UUID(7, 7), extra, at);
    }

    static String ratings(UUID match, UUID referral, String timepoint, int each, int safety, String at) {
        return """
                {"matchId":"%s","referralId":"%s","networkId":"%s","timepoint":"%s",
                 "ratings":{"network":%d,"community":%d,"health":%d,"economy":%d,"housing":%d,"jobEducation":%d,"safety":%d},
                 "at":"2021-%sT10:00:00Z"}
                """.formatted(match, referral, NETWORK, timepoint, each, each, each, each, each, each, safety, at);
    }

    static JsonPath kpis(String query) {
        return given().auth().oauth2(ANALYST).get("/api/v1/statistics/kpis?year=2021&network=" + NETWORK + query)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    @Order(1)
    void aKnownStreamGivesEveryKpiExactly() {
        send(EventType.NETWORK_UPDATED, UUID.randomUUID(), """
                {"networkId":"%s","name":"Qnet Test","municipalityCodes":["0851"],"active":true,"updatedAt":"2021-01-04T09:00:00Z"}
                """.formatted(NETWORK));
        // March: 20 women who consented to statistics (the first 10 with a child), 6 who did not.
        UUID duplicatedEvent = UUID.randomUUID();
        for (int i = 0; i < 20; i++) {
            UUID id = UUID.randomUUID();
            consented.add(id);
            String day = String.format("03-%02d", i + 1);
            if (i == 0) {
                KafkaProbe.sendEvent(EventType.REFERRAL_RECEIVED, id.toString(), received(id, day, "SHELTER", 1, true), duplicatedEvent);
                KafkaProbe.sendEvent(EventType.REFERRAL_RECEIVED, id.toString(), received(id, day, "SHELTER", 1, true), duplicatedEvent);
            } else {
                send(EventType.REFERRAL_RECEIVED, id, received(id, day, "SHELTER", i < 10 ? 1 : 0, true));
            }
        }
        for (int i = 0; i < 6; i++) {
            UUID id = UUID.randomUUID();
            withoutConsent.add(id);
            send(EventType.REFERRAL_RECEIVED, id, received(id, String.format("03-%02d", i + 1), "MUNICIPALITY", 1, false));
        }
        // April: 15 accepted, 5 rejected as out of area; the six without consent accepted too.
        for (int i = 0; i < 20; i++) {
            send(EventType.REFERRAL_STATUS_CHANGED, consented.get(i),
                    i < 15 ? status(consented.get(i), "ACCEPTED", null, "04-02") : status(consented.get(i), "REJECTED", "OUT_OF_AREA", "04-02"));
        }
        withoutConsent.forEach(id -> send(EventType.REFERRAL_STATUS_CHANGED, id, status(id, "ACCEPTED", null, "04-03")));
        // May: 12 matched (their first meeting the same week), 30 meetings; START ratings for six.
        for (int i = 0; i < 12; i++) {
            UUID referral = consented.get(i);
            UUID match = UUID.randomUUID();
            matchOf.put(referral, match);
            send(EventType.MATCH_ACCEPTED, referral, match(match, referral, "05-10", ""));
            send(EventType.REFERRAL_STATUS_CHANGED, referral, status(referral, "MATCHED", null, "05-10"));
            send(EventType.MATCH_STARTED, referral, match(match, referral, "05-12", ""));
            for (int k = 0; k < (i < 6 ? 3 : 2); k++) {
                send(EventType.MEETING_LOGGED, referral, """
                        {"meetingId":"%s","matchId":"%s","referralId":"%s","networkId":"%s","heldOn":"2021-05-%02d","durationMinutes":60,
                         "at":"2021-05-28T10:00:00Z"}
                        """.formatted(UUID.randomUUID(), match, referral, NETWORK, 12 + k));
            }
            if (i < 6) {
                send(EventType.OUTCOME_RECORDED, referral, ratings(match, referral, "START", 2, 3, "05-12"));
            }
        }
        // June: six of them end early; their END ratings: all better, safety better for five.
        for (int i = 0; i < 6; i++) {
            UUID referral = consented.get(i);
            send(EventType.MATCH_ENDED, referral, match(matchOf.get(referral), referral, "06-01",
                    ",\"reason\":\"WOMAN_MOVED\",\"durationDays\":20,\"early\":true"));
            send(EventType.OUTCOME_RECORDED, referral, ratings(matchOf.get(referral), referral, "END", 1, i < 5 ? 5 : 2, "06-01"));
        }
        // Volunteers: seven approved in February, six active from May; one event delivered twice.
        UUID twice = UUID.randomUUID();
        for (int v = 0; v < 7; v++) {
            UUID volunteer = UUID.randomUUID();
            String approved = """
                    {"volunteerId":"%s","networkId":"%s","status":"APPROVED","previousStatus":"APPLIED","at":"2021-02-01T10:00:00Z"}
                    """.formatted(volunteer, NETWORK);
            KafkaProbe.sendEvent(EventType.VOLUNTEER_STATUS_CHANGED, volunteer.toString(), approved, v == 0 ? twice : UUID.randomUUID());
            if (v == 0) {
                KafkaProbe.sendEvent(EventType.VOLUNTEER_STATUS_CHANGED, volunteer.toString(), approved, twice);
            }
            if (v < 6) {
                send(EventType.VOLUNTEER_STATUS_CHANGED, volunteer, """
                        {"volunteerId":"%s","networkId":"%s","status":"ACTIVE","previousStatus":"APPROVED","at":"2021-05-03T10:00:00Z"}
                        """.formatted(volunteer, NETWORK));
            }
        }
        // Six activities in June.
        for (int a = 0; a < 6; a++) {
            UUID activity = UUID.randomUUID();
            send(EventType.ACTIVITY_HELD, activity, """
                    {"activityId":"%s","networkId":"%s","type":"MEAL","startsAt":"2021-06-1%dT16:00:00Z","women":4,"children":3,"volunteers":2}
                    """.formatted(activity, NETWORK, a));
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath k = kpis("");
            assertEquals(6, k.getInt("figures.activitiesHeld.value"));
            assertEquals(6, k.getInt("figures.outcomesCompared.value"));
            assertEquals(7, k.getInt("figures.volunteersApproved.value"));
            assertEquals(26, k.getInt("figures.referralsReceived.value"));
        });

        JsonPath year = kpis("");
        Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        expected.put("referralsReceived", 26);
        expected.put("referralsAccepted", 15);
        expected.put("referralsRejected", 5);
        expected.put("referralsRejected.OUT_OF_AREA", 5);
        expected.put("referralsWithdrawn", 0);
        expected.put("womenReached", 12);
        expected.put("childrenReached", 10);
        expected.put("volunteersApproved", 7);
        expected.put("volunteersActive", 6);
        expected.put("networksActive", 1);
        expected.put("matchesAccepted", 12);
        expected.put("matchesActive", 6);
        expected.put("matchesEnded", 6);
        expected.put("matchesEndedEarly", 6);
        expected.put("meetings", 30);
        expected.put("activitiesHeld", 6);
        expected.put("activityWomen", 24);
        expected.put("activityChildren", 18);
        expected.put("activityVolunteers", 12);
        expected.put("outcomesCompared", 6);
        expected.put("safetyImproved", 5);
        expected.put("wellbeingImproved", 6);
        expected.forEach((kpi, value) -> assertEquals(value, year.getInt("figures.'" + kpi + "'.value"), kpi));
        // Three women still wait at the end of the year: published as x, never as 3.
        assertTrue(year.getBoolean("figures.waitingList.suppressed"));
        assertEquals(Figures.HIDDEN, year.getString("figures.waitingList.display"));
        assertNull(year.get("figures.waitingList.value"));
        // Spreads and ratios: days from referral (1-12 March) to match (10 May) are 59..70.
        assertEquals(64, year.getInt("spreads.daysToMatch.median"));
        // 12 cases: only one woman stands above the 90th percentile, so it would be her own figure.
        assertNull(year.get("spreads.daysToMatch.p90"), "p90 needs 5 cases on each side of it");
        // Six ended matches: fewer than 5 on each side of the median, so it is not published (it was 20).
        assertNull(year.get("spreads.matchDays.median"), "a median needs 11 cases");
        assertEquals(1.0, year.getDouble("ratios.shareEndedEarly"));
        assertEquals(0.833, year.getDouble("ratios.shareSafetyImproved"));
        assertEquals(1.0, year.getDouble("ratios.shareWellbeingImproved"));

        // A stock is read at the end of the period: April 15 waiting, May 12 active matches.
        assertEquals(15, kpis("&month=4").getInt("figures.waitingList.value"));
        assertEquals(12, kpis("&month=5").getInt("figures.matchesActive.value"));
        assertEquals(2.5, kpis("&month=5").getDouble("ratios.meetingsPerActiveMatchPerMonth"));
        assertEquals(26, kpis("&quarter=1").getInt("figures.referralsReceived.value"));
        assertEquals(0, kpis("&quarter=3").getInt("figures.referralsReceived.value"));
        // By source: the six without consent count among the referrals received, and nowhere else.
        assertEquals(6, kpis("&source=MUNICIPALITY").getInt("figures.referralsReceived.value"));
        assertEquals(0, kpis("&source=MUNICIPALITY").getInt("figures.referralsAccepted.value"));
        assertEquals(15, kpis("&source=SHELTER").getInt("figures.referralsAccepted.value"));

        given().auth().oauth2(ANALYST).get("/api/v1/statistics/outcomes?year=2021&network=" + NETWORK).then().statusCode(200)
                .body("distributions.START.safety.find { it.key == '3' }.figure.value", equalTo(6))
                .body("distributions.END.housing.find { it.key == '1' }.figure.value", equalTo(6))
                .body("distributions.END.safety.find { it.key == '5' }.figure.value", equalTo(5))
                .body("distributions.END.safety.find { it.key == '2' }.figure.display", equalTo(Figures.HIDDEN));
    }

    @Test
    @Order(2)
    void erasureChangesNoPublishedTotalAndLeavesNothingKeyedToHer() {
        UUID erased = consented.get(0);
        send(EventType.REFERRAL_ERASED, erased, "{\"referralId\":\"" + erased + "\",\"cause\":\"CONSENT_WITHDRAWN\",\"erasedAt\":\"2021-07-01T08:00:00Z\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from subject where network_id = ?1").setParameter(1, NETWORK)
                        .getSingleResult()).intValue()) == 25);
        JsonPath year = kpis("");
        assertEquals(26, year.getInt("figures.referralsReceived.value"));
        assertEquals(12, year.getInt("figures.womenReached.value"));
        assertEquals(12, year.getInt("figures.matchesAccepted.value"));

        // A later event about her counts nowhere. Sent on one key, so the second (another woman's
        // first match) is consumed after it: once that one counts, hers has been seen too.
        UUID other = consented.get(12);
        KafkaProbe.sendEvent(EventType.MATCH_ACCEPTED, erased.toString(), match(UUID.randomUUID(), erased, "07-02", ""));
        KafkaProbe.sendEvent(EventType.MATCH_ACCEPTED, erased.toString(), match(UUID.randomUUID(), other, "07-02", ""));
        await().atMost(Duration.ofSeconds(30)).until(() -> kpis("").getInt("figures.womenReached.value") == 13);
        assertEquals(13, kpis("").getInt("figures.matchesAccepted.value"));

        // Nothing in the database holds a referral id, in any column of any table: only keyed hashes.
        for (UUID id : List.of(erased, other, withoutConsent.get(0))) {
            for (String table : List.of("subject", "match_state", "network", "monthly_count", "monthly_histogram", "inbox_event")) {
                long hits = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from " + table + " t where t::text ilike ?1 or t::text ilike ?2")
                        .setParameter(1, "%" + id + "%").setParameter(2, "%" + id.toString().replace("-", "") + "%")
                        .getSingleResult()).longValue());
                assertEquals(0, hits, "the referral id is stored in " + table);
            }
        }
    }

    @Test
    @Order(3)
    void theFiguresReadTheSameAsCsvAndOnlyAnalystsSeeTheDetail() {
        String csv = given().auth().oauth2(ANALYST).accept("text/csv").get("/api/v1/statistics/kpis?year=2021&network=" + NETWORK)
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertTrue(csv.startsWith("period,region,network,source,kpi,month,value,display,suppressed\r\n"), csv);
        assertTrue(csv.contains("\r\n2021,,net-kpi-a,,referralsReceived,,26,26,false\r\n"), csv);
        assertTrue(csv.contains("\r\n2021,,net-kpi-a,,waitingList,,,x,true\r\n"), csv);
        assertFalse(csv.contains(",3,x"), "a suppressed value appears in the CSV");
        given().get("/api/v1/statistics/kpis?year=2021&format=csv").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.coordinator(NETWORK)).get("/api/v1/statistics/kpis?year=2021").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/statistics/breakdown?kpi=womenReached&by=network&year=2021&region=1081")
                .then().statusCode(200).body("parts.find { it.key == '" + NETWORK + "' }.figure.value", equalTo(13));
        // The headline is public: country and region, year only.
        given().get("/api/v1/statistics/headline?year=2021&region=1081").then().statusCode(200)
                .body("figures.referralsReceived.value", equalTo(26))
                .body("figures", not(org.hamcrest.Matchers.hasKey("meetings")))
                .body("trends.referralsReceived.find { it.month == '2021-03' }.figure.value", equalTo(26));
        given().get("/api/v1/statistics/trend?kpi=referralsReceived&year=2021&region=1081&format=csv").then().statusCode(200)
                .contentType(containsString("text/csv")).body(containsString("referralsReceived,1081,2021-03,26,26,false"));
        // July's one newly reached woman is hidden; her quarter alone would give her away against the
        // year's 13, so May's 12 is hidden too ("x"), in the CSV as in the JSON.
        given().get("/api/v1/statistics/trend?kpi=womenReached&year=2021&region=1081&format=csv").then().statusCode(200)
                .body(containsString("womenReached,1081,2021-07,,x,true"))
                .body(containsString("womenReached,1081,2021-05,,x,true"));
        given().get("/api/v1/statistics/trend?kpi=meetings&year=2021").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("kpi"));
        given().auth().oauth2(ANALYST).get("/api/v1/statistics/kpis?year=20x1&quarter=5&month=2&region=9999&network=Odense&source=POLICE")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("year", "quarter", "region", "network", "source"));
        given().auth().oauth2(ANALYST).get("/api/v1/statistics/kpis?year=2021&quarter=1&month=2").then().statusCode(400)
                .body("errors.field", hasItem("month"));
        given().auth().oauth2(ANALYST).get("/api/v1/statistics/breakdown?kpi=nothing&by=network").then().statusCode(400)
                .body("errors[0].field", equalTo("kpi"));
        given().get("/api/v1/statistics/headline?year=2021&format=xml").then().statusCode(400).body("errors[0].field", equalTo("format"));
        given().get("/api/v1/statistics/headline?year=2021&region=1081").then().body("figures.waitingList.value", nullValue());
    }

    @Test
    @Order(4)
    void keptFiguresGiveWayToNewEventsAndEqualFreshOnes() {
        // A stock opens a year at its level from the years before: six active matches and six
        // active volunteers carry into 2022 without an event in it.
        JsonPath next = kpis2022();
        assertEquals(6, next.getInt("figures.matchesActive.value"));
        assertEquals(6, next.getInt("figures.volunteersActive.value"));
        assertEquals(0, next.getInt("figures.activitiesHeld.value"));

        // Five activities in 2022: the kept 2022 figures must give way to them.
        for (int a = 0; a < 5; a++) {
            UUID activity = UUID.randomUUID();
            send(EventType.ACTIVITY_HELD, activity, """
                    {"activityId":"%s","networkId":"%s","type":"MEAL","startsAt":"2022-02-1%dT16:00:00Z","women":2,"children":1,"volunteers":1}
                    """.formatted(activity, NETWORK, a));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> kpis2022().getInt("figures.activitiesHeld.value") == 5);
        assertEquals(10, kpis2022().getInt("figures.activityWomen.value"));

        // What is kept equals what an analyst gets computed afresh, figure by figure.
        for (String query : List.of("", "&quarter=2", "&month=5", "&source=SHELTER")) {
            Map<String, Object> kept = kpis(query).getMap("figures");
            Map<String, Object> fresh = given().auth().oauth2(ANALYST).header("Cache-Control", "no-cache")
                    .get("/api/v1/statistics/kpis?year=2021&network=" + NETWORK + query).then().statusCode(200).extract().jsonPath()
                    .getMap("figures");
            assertEquals(fresh, kept, query);
        }
    }

    static JsonPath kpis2022() {
        return given().auth().oauth2(ANALYST).get("/api/v1/statistics/kpis?year=2022&network=" + NETWORK)
                .then().statusCode(200).extract().jsonPath();
    }
}
