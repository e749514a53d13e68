package dk.qnet.statistics.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.qnet.contracts.EventType;
import dk.qnet.statistics.publish.Figures;
import dk.qnet.testing.KafkaProbe;
import dk.qnet.testing.TestTokens;
import dk.qnet.statistics.aggregate.Pseudonyms;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * People supported in a year, through real Kafka into the real consumer: each woman with a match
 * active on any day of the year once, however many matches she had and however long ago the match
 * began; her children; each volunteer in such a match once. 2014-2015, a network of its own.
 */
@QuarkusTest
class PeopleSupportedTest {

    static final String NETWORK = "net-reach";
    static final UUID V1 = UUID.randomUUID();
    static final UUID V2 = UUID.randomUUID();

    static UUID woman(int children, boolean statistics) {
        UUID id = UUID.randomUUID();
        KafkaProbe.sendEvent(EventType.REFERRAL_RECEIVED, id.toString(), """
                {"referralId":"%s","receivedAt":"2014-09-01T10:00:00Z","municipalityCode":"0147","networkId":"%s",
                 "senderType":"SHELTER","childrenBirthYears":%s,"consentScopes":%s}
                """.formatted(id, NETWORK, children == 2 ? "[2010,2012]" : children == 1 ? "[2011]" : "[]",
                statistics ? "[\"STATISTICS\"]" : "[]"));
        return id;
    }

    static UUID started(UUID woman, UUID volunteer, String day) {
        UUID match = UUID.randomUUID();
        KafkaProbe.sendEvent(EventType.MATCH_STARTED, woman.toString(), """
                {"matchId":"%s","referralId":"%s","networkId":"%s","volunteerId":"%s","at":"%sT10:00:00Z"}
                """.formatted(match, woman, NETWORK, volunteer, day));
        return match;
    }

    static void ended(UUID match, UUID woman, UUID volunteer, String day) {
        KafkaProbe.sendEvent(EventType.MATCH_ENDED, woman.toString(), """
                {"matchId":"%s","referralId":"%s","networkId":"%s","volunteerId":"%s","reason":"COMPLETED_AS_PLANNED","durationDays":100,
                 "early":false,"at":"%sT10:00:00Z"}
                """.formatted(match, woman, NETWORK, volunteer, day));
    }

    static JsonPath headline(String query) {
        return given().get("/api/v1/statistics/headline?region=1084&" + query).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath kpis(String query) {
        return given().auth().oauth2(TestTokens.analyst()).get("/api/v1/statistics/kpis?network=" + NETWORK + "&" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void eachPersonSupportedInAYearCountsOnceInIt() {
        KafkaProbe.sendEvent(EventType.NETWORK_UPDATED, NETWORK, """
                {"networkId":"%s","name":"Qnet reach","municipalityCodes":["0147"],"active":true,"updatedAt":"2014-01-02T09:00:00Z"}
                """.formatted(NETWORK));
        UUID first = woman(2, true);
        UUID second = woman(1, true);
        UUID[] others = {woman(2, true), woman(2, true), woman(0, true), woman(0, true)};
        UUID unconsented = woman(2, false);
        // Matches are on another topic: the referrals must be in before them.
        await().ignoreExceptions().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertEquals(7, kpis("year=2014").getInt("figures.referralsReceived.value")));
        // She had a match from November 2014 to February 2015, and another from June 2015 on: one woman in 2015.
        UUID firstMatch = started(first, V1, "2014-11-10");
        ended(firstMatch, first, V1, "2015-02-20");
        started(first, V2, "2015-06-01");
        // One from March to April 2015, with the first volunteer again.
        ended(started(second, V1, "2015-03-05"), second, V1, "2015-04-10");
        // Four from May 2015 on, each with a volunteer of her own but the third, who shares the second volunteer.
        UUID[] volunteers = {V2, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        for (int i = 0; i < 4; i++) {
            started(others[i], volunteers[i], "2015-05-1" + i);
        }
        // Without STATISTICS consent: in no figure of people.
        started(unconsented, UUID.randomUUID(), "2015-05-20");

        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(6, kpis("year=2015").getInt("figures.womenSupported.value")));
        JsonPath year = kpis("year=2015");
        assertEquals(7, year.getInt("figures.childrenSupported.value"), "2 + 1 + 2 + 2 children, the unconsented woman's left out");
        assertEquals(13, year.getInt("figures.peopleSupported.value"), "women and children together");
        assertEquals(5, year.getInt("figures.volunteersEngaged.value"), "the first volunteer once, though in two matches");
        // The public headline of the region reads the same cells.
        JsonPath region = headline("year=2015");
        assertEquals(13, region.getInt("figures.peopleSupported.value"));
        assertEquals(5, region.getInt("figures.volunteersEngaged.value"));
        // A period is not the sum of its months: the second quarter holds six women (the second in April, the others
        // from May or June), June five; each if shown (they may be hidden beside April's one and May's four, as a
        // quarter is known to hold at least as many as each month and at most their sum).
        Object quarter = kpis("year=2015&quarter=2").get("figures.womenSupported.value");
        assertTrue(quarter == null || ((Number) quarter).intValue() == 6, "Q2: " + quarter);
        Object june = kpis("year=2015&month=6").get("figures.womenSupported.value");
        assertTrue(june == null || ((Number) june).intValue() == 5, "June: " + june);
        // The first quarter held two women (the first until 20 February, the second from 5 March) and their three
        // children: too few to show, though together they are five.
        JsonPath q1 = kpis("year=2015&quarter=1");
        assertTrue(q1.getBoolean("figures.womenSupported.suppressed"));
        assertEquals(Figures.HIDDEN, q1.getString("figures.womenSupported.display"));
        assertNull(q1.get("figures.womenSupported.value"));
        assertTrue(q1.getBoolean("figures.childrenSupported.suppressed"));
        assertEquals(5, q1.getInt("figures.peopleSupported.value"));
        // 2014: one woman, one volunteer, hidden.
        JsonPath before = kpis("year=2014");
        assertTrue(before.getBoolean("figures.womenSupported.suppressed"));
        assertTrue(before.getBoolean("figures.volunteersEngaged.suppressed"));
        // Her children are a cell of the same table as the women and their total: hidden too where they could be worked out.
        assertTrue(before.getBoolean("figures.peopleSupported.suppressed"));
        assertEquals(Figures.HIDDEN, before.getString("figures.childrenSupported.display"));
        // A source filter leaves these figures whole (they are about people, not referrals).
        assertEquals(6, kpis("year=2015&source=SHELTER").getInt("figures.womenSupported.value"));
        // The trend reads the kind of person asked for.
        JsonPath trend = given().get("/api/v1/statistics/trend?kpi=womenSupported&year=2015&region=1084").then().statusCode(200)
                .extract().jsonPath();
        Object july = trend.get("months.find { it.month == '2015-07' }.figure.value");
        assertTrue(july == null || ((Number) july).intValue() == 5, "July: " + july);
        trend.getList("months.figure.value").forEach(v -> assertTrue(v == null || ((Number) v).intValue() == 0
                || ((Number) v).intValue() >= 5, "a small count in the trend: " + v));

        // Networks active on any day of the period: one that ran from January to March 2015 counts in the year and
        // the first quarter, not in June, and is not active at the year's end.
        String closed = "net-reach-closed";
        for (String[] update : new String[][] {{"true", "2015-01-05"}, {"false", "2015-03-01"}}) {
            KafkaProbe.sendEvent(EventType.NETWORK_UPDATED, closed, """
                    {"networkId":"%s","name":"Qnet closed","municipalityCodes":["0147"],"active":%s,"updatedAt":"%sT09:00:00Z"}
                    """.formatted(closed, update[0], update[1]));
        }
        JsonPath[] network = new JsonPath[1];
        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            network[0] = given().auth().oauth2(TestTokens.analyst()).get("/api/v1/statistics/kpis?network=" + closed + "&year=2015")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(1, network[0].getInt("figures.networksEngaged.value"));
            assertEquals(0, network[0].getInt("figures.networksActive.value"), "closed by the year's end");
        });
        assertEquals(1, given().auth().oauth2(TestTokens.analyst()).get("/api/v1/statistics/kpis?network=" + closed + "&year=2015&quarter=1")
                .then().extract().jsonPath().getInt("figures.networksEngaged.value"));
        assertEquals(0, given().auth().oauth2(TestTokens.analyst()).get("/api/v1/statistics/kpis?network=" + closed + "&year=2015&month=6")
                .then().extract().jsonPath().getInt("figures.networksEngaged.value"));
        assertEquals(1, kpis("year=2015").getInt("figures.networksEngaged.value"), "net-reach, active since 2014");

        // Erased: her match periods no longer point to her, and she still counts once (two matches, one woman).
        byte[] key = pseudonyms.of("referral", first);
        KafkaProbe.sendEvent(EventType.REFERRAL_ERASED, first.toString(),
                "{\"referralId\":\"" + first + "\",\"cause\":\"CONSENT_WITHDRAWN\",\"erasedAt\":\"2015-08-01T08:00:00Z\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from subject where subject_key = ?1").setParameter(1, key)
                        .getSingleResult()).intValue()) == 0);
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from match_period where subject_key = ?1").setParameter(1, key).getSingleResult()).intValue()));
        assertEquals(6, kpis("year=2015").getInt("figures.womenSupported.value"));
    }

    /**
     * A period holds each woman once, so it is at most the sum of its parts: in 2013 two women had
     * a match in January and February, five others in April and May. The year (7), the second
     * quarter (5) and the empty third and fourth quarters, shown beside a hidden first quarter,
     * told that the first held at least 7 - 5 = 2: someone was there. Wherever one part of a shown
     * period is hidden, the shown parts must leave it room to be 0.
     */
    @Test
    void aPeriodAndItsShownPartsLeaveAHiddenPartRoomToBeNought() {
        String network = "net-reach-bounds";
        KafkaProbe.sendEvent(EventType.NETWORK_UPDATED, network, """
                {"networkId":"%s","name":"Qnet bounds","municipalityCodes":["0147"],"active":true,"updatedAt":"2013-01-02T09:00:00Z"}
                """.formatted(network));
        java.util.List<UUID> women = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            UUID id = UUID.randomUUID();
            KafkaProbe.sendEvent(EventType.REFERRAL_RECEIVED, id.toString(), """
                    {"referralId":"%s","receivedAt":"2013-01-02T10:00:00Z","municipalityCode":"0147","networkId":"%s",
                     "senderType":"SHELTER","childrenBirthYears":[],"consentScopes":["STATISTICS"]}
                    """.formatted(id, network));
            women.add(id);
        }
        String scope = "network=" + network + "&year=2013";
        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(7,
                given().auth().oauth2(TestTokens.analyst()).get("/api/v1/statistics/kpis?" + scope).then().extract().jsonPath()
                        .getInt("figures.referralsReceived.value")));
        for (int i = 0; i < 7; i++) {
            UUID woman = women.get(i);
            UUID volunteer = UUID.randomUUID();
            UUID match = UUID.randomUUID();
            String[] days = i < 2 ? new String[] {"2013-01-10", "2013-02-15"} : new String[] {"2013-04-10", "2013-05-20"};
            KafkaProbe.sendEvent(EventType.MATCH_STARTED, woman.toString(), """
                    {"matchId":"%s","referralId":"%s","networkId":"%s","volunteerId":"%s","at":"%sT10:00:00Z"}
                    """.formatted(match, woman, network, volunteer, days[0]));
            KafkaProbe.sendEvent(EventType.MATCH_ENDED, woman.toString(), """
                    {"matchId":"%s","referralId":"%s","networkId":"%s","volunteerId":"%s","reason":"COMPLETED_AS_PLANNED",
                     "durationDays":40,"early":false,"at":"%sT10:00:00Z"}
                    """.formatted(match, woman, network, volunteer, days[1]));
        }
        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(7,
                given().auth().oauth2(TestTokens.analyst()).get("/api/v1/statistics/kpis?" + scope).then().extract().jsonPath()
                        .getInt("figures.peopleSupported.value")));
        for (String where : java.util.List.of("network=" + network, "region=1084", "")) {
            for (String kpi : java.util.List.of("womenSupported", "peopleSupported", "volunteersEngaged")) {
                Long year = value(where, "", kpi);
                java.util.List<Long> quarters = new java.util.ArrayList<>();
                for (int q = 1; q <= 4; q++) {
                    quarters.add(value(where, "&quarter=" + q, kpi));
                    java.util.List<Long> months = new java.util.ArrayList<>();
                    for (int m = q * 3 - 2; m <= q * 3; m++) {
                        months.add(value(where, "&month=" + m, kpi));
                    }
                    roomToBeNought(quarters.get(q - 1), months, where + " " + kpi + " Q" + q);
                }
                roomToBeNought(year, quarters, where + " " + kpi + " 2013");
            }
        }
        // The two women of the first quarter stay hidden, whatever else is hidden beside them.
        assertNull(value("network=" + network, "&quarter=1", "womenSupported"));
    }

    static Long value(String where, String period, String kpi) {
        Object v = given().auth().oauth2(TestTokens.analyst()).get("/api/v1/statistics/kpis?year=2013" + (where.isEmpty() ? "" : "&" + where) + period)
                .then().statusCode(200).extract().jsonPath().get("figures." + kpi + ".value");
        return v == null ? null : ((Number) v).longValue();
    }

    /** Where the period is shown and exactly one part hidden, the shown parts must add up to at least the period. */
    static void roomToBeNought(Long period, java.util.List<Long> parts, String what) {
        long hidden = parts.stream().filter(java.util.Objects::isNull).count();
        if (period == null || hidden != 1) {
            return;
        }
        long shown = parts.stream().filter(java.util.Objects::nonNull).mapToLong(Long::longValue).sum();
        assertTrue(period - shown <= 0, what + ": " + period + " with the shown parts at " + shown
                + " tells that the hidden part holds at least " + (period - shown));
    }

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    EntityManager em;
}
