package dk.qnet.matching.match;

import dk.qnet.contracts.DanishTime;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.qnet.contracts.EventHeaders;
import dk.qnet.contracts.EventType;
import dk.qnet.contracts.Topics;
import dk.qnet.matching.waiting.WaitingReferral;
import dk.qnet.testing.KafkaProbe;
import dk.qnet.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Match support on the real PostgreSQL and Kafka: outcome measures, the events of each step, the
 * attention list, automatic runs, and what erasure leaves behind. The women and volunteers of
 * each test speak a language no other test uses, so neighbouring networks never mix in.
 */
@QuarkusTest
class MatchSupportTest {

    static final String NETWORK = "net-frederikshavn";
    final String coordinator = TestTokens.coordinator(NETWORK);

    @Inject
    EntityManager em;

    UUID referral(String language, String consents, String childrenBirthYears, Instant receivedAt, boolean accept) {
        UUID referral = UUID.randomUUID();
        KafkaProbe.sendEvent(EventType.REFERRAL_RECEIVED, referral.toString(), """
                {"referralId":"%s","receivedAt":"%s","municipalityCode":"0813","networkId":"%s","senderType":"SHELTER",
                 "childrenBirthYears":%s,"consentScopes":%s,
                 "matching":{"languages":["%s"],"availability":[{"day":"TUESDAY","period":"MORNING"}],"interests":[]}}
                """.formatted(referral, receivedAt, NETWORK, childrenBirthYears, consents, language));
        if (accept) {
            KafkaProbe.sendEvent(EventType.REFERRAL_STATUS_CHANGED, referral.toString(), """
                    {"referralId":"%s","networkId":"%s","status":"ACCEPTED","changedAt":"%s"}
                    """.formatted(referral, NETWORK, Instant.now()));
        }
        String expected = accept ? "READY" : "WAITING";
        await().atMost(Duration.ofSeconds(30)).until(() -> expected.equals(pool(referral)));
        return referral;
    }

    String pool(UUID referralId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            WaitingReferral w = em.find(WaitingReferral.class, referralId);
            return w == null ? "GONE" : w.status.name();
        });
    }

    String volunteer(String name, String language, LocalDate certificateValidUntil) {
        String id = given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("""
                {"firstName":"%s","municipalityCode":"0813","languages":["%s"],"availability":[{"day":"TUESDAY","period":"MORNING"}],
                 "ageBand":"FROM_30_TO_49","trainingCompletedOn":"2026-02-01"%s}
                """.formatted(name, language, certificateValidUntil == null ? "" : ",\"certificateValidUntil\":\"" + certificateValidUntil + "\""))
                .post("/api/v1/volunteers").then().statusCode(201).extract().path("id");
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"status\":\"APPROVED\"}")
                .post("/api/v1/volunteers/" + id + "/status").then().statusCode(200);
        return id;
    }

    /** Runs matching by hand, approves her proposal and returns the match id. */
    String offer(UUID referral) {
        String proposal = given().auth().oauth2(coordinator).post("/api/v1/networks/" + NETWORK + "/matching-runs").then().statusCode(200)
                .extract().path("find { it.referralId == '" + referral + "' }.id");
        return given().auth().oauth2(coordinator).post("/api/v1/proposals/" + proposal + "/approve").then().statusCode(200)
                .extract().path("id");
    }

    void answer(String match, boolean accepted) {
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"accepted\":" + accepted + "}")
                .post("/api/v1/matches/" + match + "/answer").then().statusCode(200);
    }

    static List<ConsumerRecord<String, String>> events(String topic, String key, String type, int atLeast) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> KafkaProbe.readAll(topic).stream()
                .filter(r -> key.equals(r.key()) && type.equals(KafkaProbe.header(r, EventHeaders.EVENT_TYPE))).toList(),
                list -> list.size() >= atLeast);
    }

    static JsonNode json(ConsumerRecord<String, String> record) throws Exception {
        return new ObjectMapper().readTree(record.value());
    }

    static Set<String> fields(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    static String ratings(String timepoint, int value, int safety) {
        return """
                {"timepoint":"%s","network":%d,"community":%d,"health":%d,"economy":%d,"housing":%d,"jobEducation":%d,"safety":%d}
                """.formatted(timepoint, value, value, value, value, value, value, safety);
    }

    @Test
    void everyStepIsPublishedAndHerOwnRatingsOnlyWithHerConsent() throws Exception {
        UUID referral = referral("kl", "[\"QNET_CONTACT\",\"STATISTICS\"]", "[]", Instant.now(), true);
        String volunteer = volunteer("Sonja", "kl", null);
        String match = offer(referral);

        JsonNode proposed = json(events(Topics.MATCHES, referral.toString(), "MatchProposed", 1).get(0));
        assertEquals(volunteer, proposed.get("volunteerId").asText());
        JsonNode offered = json(events(Topics.MATCHES, referral.toString(), "MatchOffered", 1).get(0));
        assertEquals(match, offered.get("matchId").asText());
        assertEquals(proposed.get("score").asInt(), offered.get("score").asInt());

        // Her ratings need an accepted match.
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(ratings("START", 2, 3))
                .post("/api/v1/matches/" + match + "/outcomes").then().statusCode(409).contentType("application/problem+json");
        answer(match, true);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"timepoint\":\"LATER\",\"network\":5,\"community\":-1,\"health\":2,\"economy\":2,\"housing\":2,\"safety\":0}")
                .post("/api/v1/matches/" + match + "/outcomes").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"timepoint\":\"START\",\"network\":5,\"community\":-1,\"health\":2,\"economy\":2,\"housing\":2,\"safety\":0}")
                .post("/api/v1/matches/" + match + "/outcomes").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("network", "community", "jobEducation", "safety"));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(ratings("START", 1, 2).replace("}", ",\"comment\":\"she cried\"}"))
                .post("/api/v1/matches/" + match + "/outcomes").then().statusCode(400).body("errors[0].field", equalTo("comment"));
        given().auth().oauth2(TestTokens.coordinator("net-odense")).contentType(ContentType.JSON).body(ratings("START", 1, 2))
                .post("/api/v1/matches/" + match + "/outcomes").then().statusCode(404);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(ratings("START", 1, 2))
                .post("/api/v1/matches/" + match + "/outcomes").then().statusCode(201).body("ratings.safety", equalTo(2));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(ratings("START", 3, 5))
                .post("/api/v1/matches/" + match + "/outcomes").then().statusCode(409);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(ratings("END", 3, 5))
                .post("/api/v1/matches/" + match + "/outcomes").then().statusCode(409);

        JsonNode outcome = json(events(Topics.MATCHES, referral.toString(), "OutcomeRecorded", 1).get(0));
        assertEquals("START", outcome.get("timepoint").asText());
        assertEquals(Set.of("community", "economy", "health", "housing", "jobEducation", "network", "safety"), fields(outcome.get("ratings")));
        assertEquals(1, outcome.get("ratings").get("housing").asInt());

        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"heldOn\":\"" + LocalDate.now() + "\",\"durationMinutes\":75}")
                .post("/api/v1/matches/" + match + "/meetings").then().statusCode(200);
        JsonNode meeting = json(events(Topics.MATCHES, referral.toString(), "MeetingLogged", 1).get(0));
        assertEquals(Set.of("at", "durationMinutes", "heldOn", "matchId", "meetingId", "networkId", "referralId"), fields(meeting));
        assertEquals(75, meeting.get("durationMinutes").asInt());

        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"reason\":\"COMPLETED_AS_PLANNED\"}")
                .post("/api/v1/matches/" + match + "/end").then().statusCode(200);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(ratings("END", 4, 6))
                .post("/api/v1/matches/" + match + "/outcomes").then().statusCode(201);
        given().auth().oauth2(coordinator).get("/api/v1/matches/" + match + "/outcomes").then().statusCode(200)
                .body("timepoint", contains("START", "END"));
        assertEquals(2, events(Topics.MATCHES, referral.toString(), "OutcomeRecorded", 2).size());

        // Without STATISTICS in her consent, nothing is recorded.
        UUID noConsent = referral("kl", "[\"QNET_CONTACT\"]", "[]", Instant.now(), true);
        volunteer("Tove", "kl", null);
        String other = offer(noConsent);
        answer(other, true);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(ratings("START", 1, 2))
                .post("/api/v1/matches/" + other + "/outcomes").then().statusCode(409);
        given().auth().oauth2(coordinator).get("/api/v1/matches/" + other + "/outcomes").then().statusCode(200).body("$", empty());
    }

    @Test
    void volunteersArePublishedWithoutTheirNameAndChangesTriggerAnAutomaticRun() throws Exception {
        UUID referral = referral("gd", "[\"QNET_CONTACT\"]", "[]", Instant.now(), true);
        given().auth().oauth2(coordinator).get("/api/v1/networks/" + NETWORK + "/proposals?size=200").then()
                .body("items.referralId", not(hasItem(referral.toString())));

        String volunteer = volunteer("Rigmor", "gd", null);
        List<ConsumerRecord<String, String>> changes = events(Topics.VOLUNTEERS, volunteer, "VolunteerStatusChanged", 2);
        JsonNode approved = json(changes.get(1));
        assertEquals("APPROVED", approved.get("status").asText());
        assertEquals("APPLIED", approved.get("previousStatus").asText());
        assertEquals(NETWORK, approved.get("networkId").asText());
        for (ConsumerRecord<String, String> change : changes) {
            assertFalse(change.value().contains("Rigmor"), "the volunteer's name stays in matching-service");
        }

        // Nobody asked for a run: the change to the volunteer made one.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(coordinator).get("/api/v1/networks/" + NETWORK + "/proposals?size=200").then()
                        .body("items.find { it.referralId == '" + referral + "' }.volunteerId", equalTo(volunteer)));
        String proposalId = given().auth().oauth2(coordinator).get("/api/v1/networks/" + NETWORK + "/proposals?size=200").then()
                .extract().path("items.find { it.referralId == '" + referral + "' }.id");
        // A re-run that proposes the same pair keeps the proposal's id and publishes it once.
        given().auth().oauth2(coordinator).post("/api/v1/networks/" + NETWORK + "/matching-runs").then()
                .body("find { it.referralId == '" + referral + "' }.id", equalTo(proposalId));
        assertEquals(1, events(Topics.MATCHES, referral.toString(), "MatchProposed", 1).size());
    }

    /** Every list pages the same way, bounded: volunteers by page and size, with the total. */
    @Test
    void theVolunteerListIsPagedAndBounded() {
        for (String name : List.of("Asta", "Birte", "Conni")) {
            volunteer(name, "da", null);
        }
        long total = ((Number) given().auth().oauth2(coordinator).get("/api/v1/volunteers?size=2").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("page", equalTo(0)).body("size", equalTo(2))
                .extract().path("total")).longValue();
        assertTrue(total >= 3, "total " + total);
        int last = (int) ((total - 1) / 2);
        given().auth().oauth2(coordinator).get("/api/v1/volunteers?size=2&page=" + last).then().statusCode(200)
                .body("items.size()", equalTo((int) (total - 2L * last)));
        given().auth().oauth2(coordinator).get("/api/v1/volunteers?size=2&page=" + (last + 1)).then().statusCode(200)
                .body("items.size()", equalTo(0)).body("total", equalTo((int) total));
        // Another network's coordinator sees none of them.
        given().auth().oauth2(TestTokens.coordinator("net-odense")).get("/api/v1/volunteers?size=200").then().statusCode(200)
                .body("items.networkId", everyItem(equalTo("net-odense")));
        for (String bad : List.of("size=0", "size=201", "page=-1", "page=100001", "size=x", "page=1e3")) {
            given().auth().oauth2(coordinator).get("/api/v1/volunteers?" + bad).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(bad.substring(0, bad.indexOf('='))));
        }
    }

    /** Two coordinators change the same volunteer: a change on a stale read is 412 and changes nothing. */
    @Test
    void aVolunteerChangeOnAStaleReadIs412() {
        String volunteer = volunteer("Karen", "da", null);
        String base = "/api/v1/volunteers/" + volunteer;
        String read = given().auth().oauth2(coordinator).get(base).then().statusCode(200).body("status", equalTo("APPROVED"))
                .extract().header("ETag");
        String paused = given().auth().oauth2(coordinator).header("If-Match", read).contentType(ContentType.JSON).body("{\"status\":\"PAUSED\"}")
                .post(base + "/status").then().statusCode(200).body("status", equalTo("PAUSED")).extract().header("ETag");
        org.junit.jupiter.api.Assertions.assertNotEquals(read, paused);
        given().auth().oauth2(coordinator).header("If-Match", read).contentType(ContentType.JSON).body("{\"status\":\"INACTIVE\"}")
                .post(base + "/status").then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(coordinator).get(base).then().statusCode(200).body("status", equalTo("PAUSED")).header("ETag", paused);
    }

    @Test
    void theAttentionListShowsWhatIsOverdueAndNothingElse() {
        LocalDate today = LocalDate.now(DanishTime.ZONE);
        // A woman waiting 20 days without a proposal (nobody speaks her language), and one just referred.
        UUID longWait = referral("ii", "[]", "[]", Instant.now().minus(Duration.ofDays(20)), true);
        UUID fresh = referral("ii", "[]", "[]", Instant.now(), true);

        // A match offered 8 days ago and never answered.
        UUID offeredLongAgo = referral("ky", "[]", "[]", Instant.now(), true);
        volunteer("Ulla", "ky", null);
        String unanswered = offer(offeredLongAgo);
        // A match whose last meeting was 22 days ago, and one that met yesterday.
        UUID quietWoman = referral("ln", "[]", "[]", Instant.now(), true);
        volunteer("Vera", "ln", null);
        String quiet = offer(quietWoman);
        answer(quiet, true);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"heldOn\":\"" + today.minusDays(22) + "\",\"durationMinutes\":60}")
                .post("/api/v1/matches/" + quiet + "/meetings").then().statusCode(200);
        // A woman with a child under 15, matched with a volunteer whose certificate then expired.
        UUID mother = referral("lg", "[]", "[" + (today.getYear() - 6) + "]", Instant.now(), true);
        String lapsing = volunteer("Wenche", "lg", today.plusDays(100));
        String flagged = offer(mother);
        answer(flagged, true);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"heldOn\":\"" + today.minusDays(1) + "\",\"durationMinutes\":60}")
                .post("/api/v1/matches/" + flagged + "/meetings").then().statusCode(200);
        String expiringSoon = volunteer("Yrsa", "lu", today.plusDays(10));
        String validLong = volunteer("Zenia", "lu", today.plusDays(90));
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update match set offered_at = now() - interval '8 days' where id = ?1")
                    .setParameter(1, UUID.fromString(unanswered)).executeUpdate();
            em.createNativeQuery("update volunteer set certificate_valid_until = ?2 where id = ?1")
                    .setParameter(1, UUID.fromString(lapsing)).setParameter(2, today.minusDays(3)).executeUpdate();
        });

        given().auth().oauth2(coordinator).get("/api/v1/networks/" + NETWORK + "/attention").then().statusCode(200)
                .log().ifValidationFails()
                .body("longWaits.referralId", hasItem(longWait.toString()))
                .body("longWaits.referralId", not(hasItem(fresh.toString())))
                .body("longWaits.find { it.referralId == '" + longWait + "' }.days", equalTo(20))
                .body("unansweredOffers.matchId", hasItem(unanswered))
                .body("unansweredOffers.matchId", not(hasItem(quiet)))
                .body("noRecentMeeting.matchId", hasItem(quiet))
                .body("noRecentMeeting.find { it.matchId == '" + quiet + "' }.days", equalTo(22))
                .body("noRecentMeeting.matchId", not(hasItem(flagged)))
                .body("certificates.volunteerId", hasItem(expiringSoon))
                .body("certificates.volunteerId", not(hasItem(validLong)))
                .body("certificates.find { it.volunteerId == '" + expiringSoon + "' }.expired", equalTo(false))
                .body("certificates.find { it.volunteerId == '" + expiringSoon + "' }.daysLeft", equalTo(10))
                .body("certificates.find { it.volunteerId == '" + lapsing + "' }.expired", equalTo(true))
                .body("certificates.find { it.volunteerId == '" + lapsing + "' }.flaggedMatches", contains(flagged));
        // Flagged, not broken: the match is still active.
        given().auth().oauth2(coordinator).get("/api/v1/networks/" + NETWORK + "/matches?size=200").then()
                .body("items.find { it.id == '" + flagged + "' }.status", equalTo("ACTIVE"));
        // And the expired certificate blocks a new match with another mother.
        UUID anotherMother = referral("lg", "[]", "[" + (today.getYear() - 3) + "]", Instant.now(), true);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update volunteer set capacity = 2 where id = ?1")
                .setParameter(1, UUID.fromString(lapsing)).executeUpdate());
        given().auth().oauth2(coordinator).post("/api/v1/networks/" + NETWORK + "/matching-runs").then().statusCode(200)
                .body("referralId", not(hasItem(anotherMother.toString())));

        given().auth().oauth2(TestTokens.coordinator("net-odense")).get("/api/v1/networks/" + NETWORK + "/attention").then().statusCode(404);
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/networks/" + NETWORK + "/attention").then().statusCode(200);
        given().auth().oauth2(TestTokens.shelter("s")).get("/api/v1/networks/" + NETWORK + "/attention").then().statusCode(403);
    }

    @Test
    void anApprovalChecksThePairAgainAsThingsStandNow() {
        UUID referral = referral("mi", "[]", "[]", Instant.now(), true);
        String volunteer = volunteer("Bodil", "mi", null);
        String proposal = given().auth().oauth2(coordinator).post("/api/v1/networks/" + NETWORK + "/matching-runs").then().statusCode(200)
                .extract().path("find { it.referralId == '" + referral + "' }.id");
        // Paused behind the engine's back (no new run is due): the open proposal no longer holds.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update volunteer set status = 'PAUSED' where id = ?1")
                .setParameter(1, UUID.fromString(volunteer)).executeUpdate());
        given().auth().oauth2(coordinator).post("/api/v1/proposals/" + proposal + "/approve").then().statusCode(409)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("VOLUNTEER_AVAILABLE"));
        assertEquals("READY", pool(referral));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update volunteer set status = 'APPROVED' where id = ?1")
                .setParameter(1, UUID.fromString(volunteer)).executeUpdate());
        given().auth().oauth2(coordinator).post("/api/v1/proposals/" + proposal + "/approve").then().statusCode(200)
                .body("status", equalTo("OFFERED"));
    }

    @Test
    void erasureLeavesNothingThatLeadsBackToHer() throws Exception {
        UUID referral = referral("ht", "[\"QNET_CONTACT\",\"STATISTICS\"]", "[]", Instant.now(), true);
        volunteer("Agnete", "ht", null);
        String match = offer(referral);
        answer(match, true);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(ratings("START", 2, 4))
                .post("/api/v1/matches/" + match + "/outcomes").then().statusCode(201);

        KafkaProbe.sendEvent(EventType.REFERRAL_ERASED, referral.toString(),
                "{\"referralId\":\"" + referral + "\",\"cause\":\"CONSENT_WITHDRAWN\",\"erasedAt\":\"" + Instant.now() + "\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> "GONE".equals(pool(referral)));
        assertEquals("CONSENT_WITHDRAWN", json(events(Topics.MATCHES, referral.toString(), "MatchEnded", 1).get(0)).get("reason").asText());

        long mentions = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select (select count(*) from match where referral_id = ?1) + (select count(*) from proposal where referral_id = ?1)
                     + (select count(*) from excluded_pair where referral_id = ?1) + (select count(*) from waiting_referral where referral_id = ?1)
                     + (select count(*) from outcome o join match m on m.id = o.match_id where m.id = ?2)
                """).setParameter(1, referral).setParameter(2, UUID.fromString(match)).getSingleResult()).longValue());
        assertEquals(0, mentions, "rows that still name or rate her");
        // The volunteer's count of matches survives, under an id no other service knows.
        given().auth().oauth2(coordinator).get("/api/v1/networks/" + NETWORK + "/matches?size=200").then()
                .body("items.find { it.id == '" + match + "' }.endReason", equalTo("CONSENT_WITHDRAWN"))
                .body("items.find { it.id == '" + match + "' }.referralId", not(equalTo(referral.toString())));
    }
}
