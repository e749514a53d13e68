package dk.qnet.matching.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.qnet.contracts.EventHeaders;
import dk.qnet.contracts.EventJson;
import dk.qnet.contracts.EventType;
import dk.qnet.contracts.Topics;
import dk.qnet.testing.KafkaProbe;
import dk.qnet.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReferralEventsConsumerTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    EntityManager em;

    static String referralReceived(UUID referralId, String networkId) {
        return """
                {"referralId":"%s","receivedAt":"2026-10-05T08:00:00Z","municipalityCode":"0751",
                 "networkId":"%s","senderType":"SHELTER","childrenBirthYears":[2016],"consentScopes":["QNET_CONTACT"]}
                """.formatted(referralId, networkId);
    }

    void awaitWaiting(UUID referralId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.admin()).get("/api/v1/waiting-referrals/" + referralId)
                        .then().statusCode(200));
    }

    long waitingCount(UUID referralId) {
        return ((Number) em.createNativeQuery("select count(*) from waiting_referral where referral_id = ?1")
                .setParameter(1, referralId).getSingleResult()).longValue();
    }

    @Test
    void theGoldenSampleOfTheProducerIsConsumed() {
        String sample = EventJson.sample(EventType.REFERRAL_RECEIVED);
        UUID id = UUID.fromString("5b0f4c3e-8d2a-4f61-9a57-3c9e2d1b7a10");
        KafkaProbe.sendEvent(EventType.REFERRAL_RECEIVED, id.toString(), sample);
        awaitWaiting(id);
        given().auth().oauth2(TestTokens.coordinator("net-odense")).get("/api/v1/waiting-referrals/" + id)
                .then().log().ifValidationFails().statusCode(200)
                .body("networkId", equalTo("net-odense"))
                .body("municipalityCode", equalTo("0461"))
                .body("childrenBirthYears", contains(2017, 2021))
                .body("waitingSince", equalTo("2026-03-02T09:15:00Z"));
    }

    @Test
    void aRedeliveredEventHasOneEffect() {
        UUID eventId = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        // The same event id twice: the second delivery, even with another body, must be ignored.
        KafkaProbe.sendEvent(EventType.REFERRAL_RECEIVED, first.toString(), referralReceived(first, "net-aarhus"), eventId);
        KafkaProbe.sendEvent(EventType.REFERRAL_RECEIVED, second.toString(), referralReceived(second, "net-aarhus"), eventId);
        UUID marker = UUID.randomUUID();
        KafkaProbe.sendEvent(EventType.REFERRAL_RECEIVED, marker.toString(), referralReceived(marker, "net-aarhus"));
        awaitWaiting(first);
        awaitWaiting(marker);
        assertEquals(1, waitingCount(first));
        assertEquals(0, waitingCount(second), "a duplicate event id must not be applied again");
        assertEquals(1L, ((Number) em.createNativeQuery(
                "select count(*) from inbox_event where event_id = ?1").setParameter(1, eventId).getSingleResult()).longValue());
        String metrics = dk.qnet.testing.PrometheusText.scrape();
        assertTrue(dk.qnet.testing.PrometheusText.sum(metrics, "qnet_inbox_duplicates_total", "consumer=") >= 1, "duplicates are counted");
        assertTrue(dk.qnet.testing.PrometheusText.sum(metrics, "qnet_inbox_applied_total", "consumer=") >= 2, "applied events are counted");
    }

    /** An event is applied in the trace its traceparent header names (through real Kafka), and the inbox row says which. */
    @Test
    void anEventIsAppliedInTheTraceOfTheRequestThatCausedIt() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        UUID referral = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        KafkaProbe.send(Topics.REFERRALS, referral.toString(), referralReceived(referral, "net-aarhus"), Map.of(
                EventHeaders.EVENT_ID, eventId.toString(),
                EventHeaders.EVENT_TYPE, "ReferralReceived",
                EventHeaders.OCCURRED_AT, Instant.now().toString(),
                EventHeaders.SCHEMA_VERSION, "1",
                EventHeaders.TRACEPARENT, "00-" + traceId + "-b7ad6b7169203331-01"));
        UUID untraced = UUID.randomUUID();
        UUID untracedEvent = UUID.randomUUID();
        KafkaProbe.sendEvent(EventType.REFERRAL_RECEIVED, untraced.toString(), referralReceived(untraced, "net-aarhus"), untracedEvent);
        awaitWaiting(referral);
        awaitWaiting(untraced);
        assertEquals(traceId, traceOf(eventId));
        // An event without a trace context (an older producer) starts a trace of its own.
        String own = traceOf(untracedEvent);
        assertTrue(own != null && own.matches("[0-9a-f]{32}") && !own.equals(traceId), "trace: " + own);
    }

    String traceOf(UUID eventId) {
        return (String) em.createNativeQuery("select trace_id from inbox_event where event_id = ?1").setParameter(1, eventId).getSingleResult();
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicWithAReasonAndTheConsumerGoesOn() {
        String poisonKey = "poison-" + UUID.randomUUID();
        KafkaProbe.send(Topics.REFERRALS, poisonKey, "{not json", Map.of(
                EventHeaders.EVENT_ID, UUID.randomUUID().toString(),
                EventHeaders.EVENT_TYPE, "ReferralReceived",
                EventHeaders.OCCURRED_AT, Instant.now().toString(),
                EventHeaders.SCHEMA_VERSION, "1"));
        String noHeadersKey = "no-headers-" + UUID.randomUUID();
        KafkaProbe.send(Topics.REFERRALS, noHeadersKey, referralReceived(UUID.randomUUID(), "net-aarhus"), Map.of());
        String wrongVersionKey = "v0-" + UUID.randomUUID();
        KafkaProbe.send(Topics.REFERRALS, wrongVersionKey, referralReceived(UUID.randomUUID(), "net-aarhus"), Map.of(
                EventHeaders.EVENT_ID, UUID.randomUUID().toString(),
                EventHeaders.EVENT_TYPE, "ReferralReceived",
                EventHeaders.OCCURRED_AT, Instant.now().toString(),
                EventHeaders.SCHEMA_VERSION, "0"));
        // A later version is additive (the compatibility rule): it is applied, not dead-lettered.
        UUID later = UUID.randomUUID();
        KafkaProbe.send(Topics.REFERRALS, later.toString(), referralReceived(later, "net-aarhus"), Map.of(
                EventHeaders.EVENT_ID, UUID.randomUUID().toString(),
                EventHeaders.EVENT_TYPE, "ReferralReceived",
                EventHeaders.OCCURRED_AT, Instant.now().toString(),
                EventHeaders.SCHEMA_VERSION, "9"));

        UUID after = UUID.randomUUID();
        KafkaProbe.sendEvent(EventType.REFERRAL_RECEIVED, after.toString(), referralReceived(after, "net-aarhus"));
        awaitWaiting(after);
        awaitWaiting(later);

        List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30)).until(
                () -> KafkaProbe.readAll(Topics.deadLetter(Topics.REFERRALS)),
                records -> List.of(poisonKey, noHeadersKey, wrongVersionKey).stream()
                        .allMatch(k -> records.stream().anyMatch(r -> k.equals(r.key()))));
        for (String key : List.of(poisonKey, noHeadersKey, wrongVersionKey)) {
            ConsumerRecord<String, String> record = dead.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
            String reason = KafkaProbe.header(record, "dead-letter-reason");
            assertNotNull(reason, "the DLQ record carries its reason");
            assertTrue(!reason.isBlank());
        }
        String reason = KafkaProbe.header(dead.stream().filter(r -> poisonKey.equals(r.key())).findFirst().orElseThrow(),
                "dead-letter-reason");
        assertTrue(reason.contains("not a valid ReferralReceived"), reason);
        assertTrue(dk.qnet.testing.PrometheusText.sum(dk.qnet.testing.PrometheusText.scrape(), "qnet_dead_letters_total",
                "topic=\"" + Topics.REFERRALS + "\"") >= 3, "dead letters are counted per topic");
    }

    @Test
    void onlyTheRoutedNetworksCoordinatorAndAdminSeeAWaitingReferral() {
        UUID id = UUID.randomUUID();
        KafkaProbe.sendEvent(EventType.REFERRAL_RECEIVED, id.toString(), referralReceived(id, "net-aalborg"));
        awaitWaiting(id);
        given().auth().oauth2(TestTokens.coordinator("net-aalborg")).get("/api/v1/waiting-referrals/" + id)
                .then().statusCode(200).body("referralId", equalTo(id.toString()));
        given().auth().oauth2(TestTokens.coordinator("net-odense")).get("/api/v1/waiting-referrals/" + id)
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.coordinator("net-aalborg")).get("/api/v1/waiting-referrals/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.shelter("s")).get("/api/v1/waiting-referrals/" + id)
                .then().statusCode(403).contentType(PROBLEM);
        given().get("/api/v1/waiting-referrals/" + id).then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void readinessIsUpWhileTheConsumerKeepsUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
