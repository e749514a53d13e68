package dk.qnet.matching.match;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MatchLifecycleTest {

    static final String NETWORK = "net-soenderborg";

    @Inject
    EntityManager em;

    final String coordinator = TestTokens.coordinator(NETWORK);

    String poolStatus(UUID referralId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            WaitingReferral w = em.find(WaitingReferral.class, referralId);
            return w == null ? "GONE" : w.status.name();
        });
    }

    UUID acceptedReferral() {
        UUID referral = UUID.randomUUID();
        KafkaProbe.sendEvent(EventType.REFERRAL_RECEIVED, referral.toString(), """
                {"referralId":"%s","receivedAt":"%s","municipalityCode":"0561","networkId":"%s","senderType":"SHELTER",
                 "childrenBirthYears":[],"consentScopes":["QNET_CONTACT"],
                 "matching":{"languages":["da"],"availability":[{"day":"THURSDAY","period":"EVENING"}],"interests":["MUSIC"]}}
                """.formatted(referral, Instant.now(), NETWORK));
        KafkaProbe.sendEvent(EventType.REFERRAL_STATUS_CHANGED, referral.toString(), """
                {"referralId":"%s","networkId":"%s","status":"ACCEPTED","changedAt":"%s"}
                """.formatted(referral, NETWORK, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "READY".equals(poolStatus(referral)));
        return referral;
    }

    String approvedVolunteer(String name) {
        String id = given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("""
                {"firstName":"%s","municipalityCode":"0561","languages":["da"],"availability":[{"day":"THURSDAY","period":"EVENING"}],
                 "ageBand":"FROM_30_TO_49","trainingCompletedOn":"2026-02-01"}
                """.formatted(name)).post("/api/v1/volunteers").then().statusCode(201).extract().path("id");
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"status\":\"APPROVED\"}")
                .post("/api/v1/volunteers/" + id + "/status").then().statusCode(200);
        return id;
    }

    String proposalFor(UUID referral) {
        return given().auth().oauth2(coordinator).post("/api/v1/networks/" + NETWORK + "/matching-runs").then().statusCode(200)
                .extract().path("find { it.referralId == '" + referral + "' }.id");
    }

    JsonNode event(UUID referral, String type, int nth) throws Exception {
        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30)).until(() -> KafkaProbe.readAll(Topics.MATCHES)
                .stream().filter(r -> referral.toString().equals(r.key()) && type.equals(KafkaProbe.header(r, EventHeaders.EVENT_TYPE))).toList(),
                list -> list.size() > nth);
        return new ObjectMapper().readTree(records.get(nth).value());
    }

    @Test
    void declineThenAcceptMeetEndEarlyEachPublishedForTheClosedLoop() throws Exception {
        UUID referral = acceptedReferral();
        String first = approvedVolunteer("Inge");

        String proposal = proposalFor(referral);
        String match = given().auth().oauth2(coordinator).post("/api/v1/proposals/" + proposal + "/approve").then().statusCode(200)
                .body("status", equalTo("OFFERED")).body("volunteerId", equalTo(first)).extract().path("id");
        assertEquals("OFFERED", poolStatus(referral));
        given().auth().oauth2(coordinator).post("/api/v1/proposals/" + proposal + "/approve").then().statusCode(409);
        given().auth().oauth2(TestTokens.coordinator("net-odense")).contentType(ContentType.JSON).body("{\"accepted\":true}")
                .post("/api/v1/matches/" + match + "/answer").then().statusCode(404);

        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"accepted\":false}")
                .post("/api/v1/matches/" + match + "/answer").then().statusCode(200).body("status", equalTo("DECLINED"));
        assertEquals(first, event(referral, "MatchDeclined", 0).get("volunteerId").asText());
        assertEquals("READY", poolStatus(referral));
        // The declined pair is never proposed again (other volunteers of the network may be).
        given().auth().oauth2(coordinator).post("/api/v1/networks/" + NETWORK + "/matching-runs").then()
                .body("findAll { it.referralId == '" + referral + "' }.volunteerId", not(hasItem(first)));

        approvedVolunteer("Lone");
        String again = given().auth().oauth2(coordinator).post("/api/v1/proposals/" + proposalFor(referral) + "/approve")
                .then().statusCode(200).body("volunteerId", not(equalTo(first))).extract().path("id");
        String second = given().auth().oauth2(coordinator).get("/api/v1/networks/" + NETWORK + "/matches?size=200").then()
                .extract().path("items.find { it.id == '" + again + "' }.volunteerId");
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"accepted\":true}")
                .post("/api/v1/matches/" + again + "/answer").then().statusCode(200).body("status", equalTo("ACCEPTED"));
        assertEquals(again, event(referral, "MatchAccepted", 0).get("matchId").asText());
        given().auth().oauth2(coordinator).get("/api/v1/volunteers/" + second).then().body("status", equalTo("ACTIVE"));

        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"heldOn\":\"" + LocalDate.now().plusDays(2) + "\",\"durationMinutes\":60}")
                .post("/api/v1/matches/" + again + "/meetings").then().statusCode(400).body("errors[0].field", equalTo("heldOn"));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"heldOn\":\"" + LocalDate.now() + "\",\"durationMinutes\":90,\"notes\":\"x\"}")
                .post("/api/v1/matches/" + again + "/meetings").then().statusCode(400).body("errors[0].field", equalTo("notes"));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"heldOn\":\"" + LocalDate.now() + "\",\"durationMinutes\":90}")
                .post("/api/v1/matches/" + again + "/meetings").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("lastMeetingOn", equalTo(LocalDate.now().toString()));
        event(referral, "MatchStarted", 0);

        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"reason\":\"WOMAN_MOVED\"}")
                .post("/api/v1/matches/" + again + "/end").then().statusCode(200).body("status", equalTo("ENDED"));
        JsonNode ended = event(referral, "MatchEnded", 0);
        assertEquals("WOMAN_MOVED", ended.get("reason").asText());
        assertTrue(ended.get("early").asBoolean(), "ended within three months");
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"reason\":\"OTHER\"}")
                .post("/api/v1/matches/" + again + "/end").then().statusCode(409);
        given().auth().oauth2(coordinator).get("/api/v1/networks/" + NETWORK + "/matches?size=200").then().statusCode(200)
                .body("items.find { it.id == '" + again + "' }.endReason", equalTo("WOMAN_MOVED"));
        given().auth().oauth2(TestTokens.coordinator("net-odense")).get("/api/v1/networks/" + NETWORK + "/matches").then().statusCode(404);
    }

    @Test
    void erasureEndsAnActiveMatchWithWithdrawnConsent() throws Exception {
        UUID referral = acceptedReferral();
        approvedVolunteer("Grethe");
        String match = given().auth().oauth2(coordinator).post("/api/v1/proposals/" + proposalFor(referral) + "/approve")
                .then().statusCode(200).extract().path("id");
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"accepted\":true}")
                .post("/api/v1/matches/" + match + "/answer").then().statusCode(200);
        KafkaProbe.sendEvent(EventType.REFERRAL_ERASED, referral.toString(),
                "{\"referralId\":\"" + referral + "\",\"cause\":\"CONSENT_WITHDRAWN\",\"erasedAt\":\"" + Instant.now() + "\"}");
        assertEquals("CONSENT_WITHDRAWN", event(referral, "MatchEnded", 0).get("reason").asText());
        await().atMost(Duration.ofSeconds(30)).until(() -> "GONE".equals(poolStatus(referral)));
    }
}
