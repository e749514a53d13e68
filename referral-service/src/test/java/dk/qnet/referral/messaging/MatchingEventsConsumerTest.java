package dk.qnet.referral.messaging;

import static dk.qnet.referral.ReferralFixtures.create;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.qnet.contracts.EventJson;
import dk.qnet.contracts.EventType;
import dk.qnet.testing.KafkaProbe;
import dk.qnet.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MatchingEventsConsumerTest {

    static final String MATCH = UUID.randomUUID().toString();

    static String step(String referralId) {
        return """
                {"matchId":"%s","referralId":"%s","networkId":"net-odense","volunteerId":"%s","at":"%s"}
                """.formatted(MATCH, referralId, UUID.randomUUID(), Instant.now());
    }

    static String ended(String referralId, String reason, boolean early) {
        return """
                {"matchId":"%s","referralId":"%s","networkId":"net-odense","volunteerId":"%s","reason":"%s",
                 "durationDays":40,"early":%s,"at":"%s"}
                """.formatted(MATCH, referralId, UUID.randomUUID(), reason, early, Instant.now());
    }

    static void awaitStatus(String token, String id, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/referrals/" + id + "/history").then().statusCode(200)
                        .body("status[-1]", equalTo(status)));
    }

    @Test
    void matchEventsDriveTheClosedLoopOnceEachInOrder() {
        String shelter = TestTokens.shelter("loop-by-events");
        String id = create(shelter, "0461");
        given().auth().oauth2(TestTokens.coordinator("net-odense")).post("/api/v1/referrals/" + id + "/accept").then().statusCode(200);

        KafkaProbe.sendEvent(EventType.MATCH_ACCEPTED, id, step(id));
        KafkaProbe.sendEvent(EventType.MATCH_STARTED, id, step(id));
        String earlyEnd = ended(id, "VOLUNTEER_STOPPED", true);
        UUID earlyEndEvent = KafkaProbe.sendEvent(EventType.MATCH_ENDED, id, earlyEnd);
        awaitStatus(shelter, id, "WAITLISTED");
        KafkaProbe.sendEvent(EventType.MATCH_ACCEPTED, id, step(id));
        KafkaProbe.sendEvent(EventType.MATCH_STARTED, id, step(id));
        // The early end, redelivered while the new match is active, must not end it again.
        KafkaProbe.sendEvent(EventType.MATCH_ENDED, id, earlyEnd, earlyEndEvent);
        KafkaProbe.sendEvent(EventType.MATCH_ENDED, id, ended(id, "COMPLETED_AS_PLANNED", false));
        awaitStatus(shelter, id, "COMPLETED");

        given().auth().oauth2(shelter).get("/api/v1/referrals/" + id + "/history").then()
                .body("status", contains("RECEIVED", "ACCEPTED", "MATCHED", "ACTIVE", "WAITLISTED", "MATCHED", "ACTIVE", "COMPLETED"))
                .body("changedBy[2]", equalTo("system"));
    }

    @Test
    void aMatchEndedByWithdrawnConsentClosesAndErasesTheReferralAsTheEndpointDoes() {
        String shelter = TestTokens.shelter("closed-by-events");
        String id = create(shelter, "0461");
        given().auth().oauth2(TestTokens.coordinator("net-odense")).post("/api/v1/referrals/" + id + "/accept").then().statusCode(200);
        KafkaProbe.sendEvent(EventType.MATCH_ACCEPTED, id, step(id));
        KafkaProbe.sendEvent(EventType.MATCH_ENDED, id, ended(id, "CONSENT_WITHDRAWN", true));
        awaitStatus(shelter, id, "CLOSED");
        // The same erasure as the consent-withdrawal endpoint, within the minute.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(shelter).get("/api/v1/referrals/" + id).then()
                .body("statusReason", equalTo("CONSENT_WITHDRAWN")).body("erased", equalTo(true))
                .body("personalData", org.hamcrest.Matchers.nullValue()).body("children", org.hamcrest.Matchers.nullValue()));
        await().atMost(Duration.ofSeconds(60)).until(() -> KafkaProbe.readAll(dk.qnet.contracts.Topics.REFERRALS).stream()
                .anyMatch(r -> id.equals(r.key()) && "ReferralErased".equals(KafkaProbe.header(r, dk.qnet.contracts.EventHeaders.EVENT_TYPE))
                        && r.value().contains("CONSENT_WITHDRAWN")));
    }

    @Test
    void referralsAreRoutedByTheNetworksMatchingServicePublishes() {
        // The networks the other tests rely on, plus one for Fanø, which the seed does not cover.
        String[][] networks = {{"net-odense", "0461"}, {"net-aarhus", "0751"}, {"net-koebenhavn", "0101"},
                {"net-aalborg", "0851"}, {"net-fanoe", "0563"}};
        for (String[] n : networks) {
            KafkaProbe.sendEvent(EventType.NETWORK_UPDATED, n[0], """
                    {"networkId":"%s","name":"Qnet","municipalityCodes":["%s"],"active":true,"updatedAt":"%s"}
                    """.formatted(n[0], n[1], Instant.now()));
        }
        String shelter = TestTokens.shelter("routing-shelter");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                dk.qnet.referral.ReferralFixtures.post(shelter, dk.qnet.referral.ReferralFixtures.body("0563"))
                        .then().statusCode(201).body("networkId", equalTo("net-fanoe")).body("unrouted", equalTo(false)));
        // An older description of the same network, arriving late, changes nothing.
        KafkaProbe.sendEvent(EventType.NETWORK_UPDATED, "net-fanoe", """
                {"networkId":"net-fanoe","name":"Qnet","municipalityCodes":["0561"],"active":true,"updatedAt":"2020-01-01T00:00:00Z"}
                """);
        // A marker on the same key (so after it in the partition) that covers a municipality of its own.
        KafkaProbe.sendEvent(EventType.NETWORK_UPDATED, "net-fanoe", """
                {"networkId":"net-marker","name":"Qnet","municipalityCodes":["0479"],"active":true,"updatedAt":"%s"}
                """.formatted(Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                dk.qnet.referral.ReferralFixtures.post(shelter, dk.qnet.referral.ReferralFixtures.body("0479"))
                        .then().statusCode(201).body("networkId", equalTo("net-marker")));
        dk.qnet.referral.ReferralFixtures.post(shelter, dk.qnet.referral.ReferralFixtures.body("0563"))
                .then().statusCode(201).body("networkId", equalTo("net-fanoe"));
    }

    @jakarta.inject.Inject
    dk.qnet.referral.network.NetworkRouting routing;

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    static dk.qnet.contracts.network.NetworkUpdated network(String id, String... municipalities) {
        return new dk.qnet.contracts.network.NetworkUpdated(id, "Qnet", List.of(municipalities), true, Instant.now());
    }

    /**
     * The routes are kept in memory, and a change this process applies counts from its commit, not
     * from the next reading of the table ten seconds later.
     */
    @Test
    void aCommittedNetworkChangeRoutesTheNextReferralAtOnce() {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> routing.networkFor("0825"));
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> routing.update(network("net-laesoe", "0825")));
        try {
            assertEquals(java.util.Optional.of("net-laesoe"),
                    io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> routing.networkFor("0825")));
        } finally {
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> routing.update(
                    new dk.qnet.contracts.network.NetworkUpdated("net-laesoe", "Qnet", List.of("0825"), false, Instant.now())));
        }
        assertEquals(java.util.Optional.empty(),
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> routing.networkFor("0825")), "inactive again");
    }

    /** Thrown at the end of a test's transaction so that it is rolled back. */
    static final class Undo extends RuntimeException {
    }

    /**
     * While the networks arrive one by one (a fresh installation reading qnet.networks.v1), the seed
     * still answers for a municipality no arrived network covers; once every seeded network is known,
     * the table alone decides. Run in a transaction that is rolled back, on an empty table: the
     * transaction that changed the table reads it, not the routes kept in memory (RoutesTest has
     * the rule itself, with nothing arrived yet).
     */
    @Test
    void theSeedRoutesUntilEverySeededNetworkHasArrived() {
        org.junit.jupiter.api.Assertions.assertThrows(Undo.class, () -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from network_route").executeUpdate();
            routing.update(network("net-aalborg", "0851"));
            assertEquals(java.util.Optional.of("net-odense"), routing.networkFor("0461"), "one network arrived, Odense not yet: still the seed");
            assertEquals(java.util.Optional.of("net-aalborg"), routing.networkFor("0851"));
            routing.update(network("net-aarhus", "0751"));
            routing.update(network("net-koebenhavn", "0101"));
            routing.update(network("net-odense", "0461", "0479"));
            assertEquals(java.util.Optional.of("net-odense"), routing.networkFor("0479"), "the table covers what the seed does not");
            routing.update(network("net-odense", "0479"));
            assertEquals(java.util.Optional.empty(), routing.networkFor("0461"), "every seeded network known: the table decides, 0461 is unrouted");
            throw new Undo();
        }));
    }

    @Test
    void theProducersGoldenSamplesAreReadable() {
        for (EventType type : new EventType[] {EventType.MATCH_ACCEPTED, EventType.MATCH_DECLINED, EventType.MATCH_STARTED,
                EventType.MATCH_ENDED, EventType.NETWORK_UPDATED}) {
            Object payload = assertReadable(type);
            assertEquals(type.payloadType(), payload.getClass());
        }
    }

    private static Object assertReadable(EventType type) {
        try {
            return EventJson.read(EventJson.sample(type), type.payloadType());
        } catch (Exception e) {
            throw new AssertionError(type + " sample unreadable", e);
        }
    }
}
