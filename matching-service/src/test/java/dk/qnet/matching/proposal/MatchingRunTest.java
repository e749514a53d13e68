package dk.qnet.matching.proposal;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dk.qnet.contracts.EventType;
import dk.qnet.matching.waiting.WaitingReferral;
import dk.qnet.testing.KafkaProbe;
import dk.qnet.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MatchingRunTest {

    @Inject
    EntityManager em;

    static final String COORDINATOR_NETWORK = "net-svendborg";

    String status(UUID referralId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            WaitingReferral w = em.find(WaitingReferral.class, referralId);
            return w == null ? "GONE" : w.status.name();
        });
    }

    static String volunteer(String firstName, String language, String day, boolean trained) {
        return """
                {"firstName":"%s","phone":"+45 30 40 50 60","municipalityCode":"0479","languages":["%s"],
                 "availability":[{"day":"%s","period":"EVENING"}],"interests":["COOKING"],"ageBand":"FROM_50_TO_64",
                 "capacity":1,%s"certificateValidUntil":"%s"}
                """.formatted(firstName, language, day, trained ? "\"trainingCompletedOn\":\"2026-01-10\"," : "",
                LocalDate.now().plusYears(1));
    }

    @Test
    void anAcceptedReferralGetsAnExplainedProposalAndErasureRemovesIt() {
        String coordinator = TestTokens.coordinator(COORDINATOR_NETWORK);
        UUID referral = UUID.randomUUID();
        KafkaProbe.sendEvent(EventType.REFERRAL_RECEIVED, referral.toString(), """
                {"referralId":"%s","receivedAt":"%s","municipalityCode":"0479","networkId":"%s","senderType":"SHELTER",
                 "childrenBirthYears":[2019],"consentScopes":["QNET_CONTACT"],
                 "matching":{"languages":["ar","da"],"needs":["NETWORK"],"availability":[{"day":"MONDAY","period":"EVENING"}],
                             "volunteerAgeBand":"FROM_50_TO_64","interests":["COOKING"]}}
                """.formatted(referral, Instant.now().minus(Duration.ofDays(21)), COORDINATOR_NETWORK));
        await().atMost(Duration.ofSeconds(30)).until(() -> "WAITING".equals(status(referral)));

        // Only accepted women are matched.
        String good = given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(volunteer("Birthe", "da", "MONDAY", false))
                .post("/api/v1/volunteers").then().log().ifValidationFails().statusCode(201)
                .body("status", equalTo("APPLIED")).extract().path("id");
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"status\":\"APPROVED\"}")
                .post("/api/v1/volunteers/" + good + "/status").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(volunteer("Birthe", "da", "MONDAY", true))
                .put("/api/v1/volunteers/" + good).then().statusCode(200);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"status\":\"APPROVED\"}")
                .post("/api/v1/volunteers/" + good + "/status").then().statusCode(200).body("status", equalTo("APPROVED"));
        String noLanguage = given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(volunteer("Karen", "en", "MONDAY", true))
                .post("/api/v1/volunteers").then().statusCode(201).extract().path("id");
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"status\":\"APPROVED\"}")
                .post("/api/v1/volunteers/" + noLanguage + "/status").then().statusCode(200);

        given().auth().oauth2(coordinator).post("/api/v1/networks/" + COORDINATOR_NETWORK + "/matching-runs").then().statusCode(200)
                .body("referralId", not(hasItem(referral.toString())));

        KafkaProbe.sendEvent(EventType.REFERRAL_STATUS_CHANGED, referral.toString(), """
                {"referralId":"%s","networkId":"%s","status":"ACCEPTED","changedAt":"%s"}
                """.formatted(referral, COORDINATOR_NETWORK, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "READY".equals(status(referral)));

        given().auth().oauth2(coordinator).post("/api/v1/networks/" + COORDINATOR_NETWORK + "/matching-runs").then()
                .log().ifValidationFails().statusCode(200)
                .body("find { it.referralId == '" + referral + "' }.volunteerId", equalTo(good))
                .body("find { it.referralId == '" + referral + "' }.volunteerFirstName", equalTo("Birthe"))
                .body("find { it.referralId == '" + referral + "' }.explanation.checks.passed", everyItem(equalTo(true)))
                .body("find { it.referralId == '" + referral + "' }.explanation.components.code", hasItem("SHARED_INTERESTS"))
                .body("find { it.referralId == '" + referral + "' }.explanation.components.code", hasItem("AGE_BAND"))
                .body("find { it.referralId == '" + referral + "' }.explanation.components.code", hasItem("WAITING_TIME"));
        given().auth().oauth2(coordinator).get("/api/v1/networks/" + COORDINATOR_NETWORK + "/proposals?size=200").then().statusCode(200)
                .body("items.referralId", hasItem(referral.toString()));

        // Another network's coordinator learns nothing; other roles may not look.
        given().auth().oauth2(TestTokens.coordinator("net-odense")).get("/api/v1/networks/" + COORDINATOR_NETWORK + "/proposals")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.coordinator("net-odense")).get("/api/v1/volunteers/" + good).then().statusCode(404);
        given().auth().oauth2(TestTokens.shelter("s")).get("/api/v1/networks/" + COORDINATOR_NETWORK + "/proposals").then().statusCode(403);
        given().auth().oauth2(coordinator).get("/api/v1/networks/net-nowhere/proposals").then().statusCode(404);

        KafkaProbe.sendEvent(EventType.REFERRAL_ERASED, referral.toString(),
                "{\"referralId\":\"" + referral + "\",\"cause\":\"CONSENT_WITHDRAWN\",\"erasedAt\":\"" + Instant.now() + "\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> "GONE".equals(status(referral)));
        given().auth().oauth2(coordinator).get("/api/v1/networks/" + COORDINATOR_NETWORK + "/proposals?size=200").then()
                .body("items.referralId", not(hasItem(referral.toString())));
    }

    @Test
    void volunteerProfilesAreValidatedFieldByField() {
        String coordinator = TestTokens.coordinator(COORDINATOR_NETWORK);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"firstName\":\"\",\"phone\":\"123\",\"municipalityCode\":\"9999\",\"languages\":[\"xx\"],\"capacity\":9}")
                .post("/api/v1/volunteers").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("firstName", "phone", "municipalityCode", "languages[0]",
                        "availability", "ageBand", "capacity"));
        given().auth().oauth2(TestTokens.coordinator("net-unknown")).contentType(ContentType.JSON)
                .body(volunteer("X", "da", "MONDAY", true)).post("/api/v1/volunteers").then().statusCode(400)
                .body("errors[0].field", equalTo("networkId"));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/volunteers").then().statusCode(401);
    }
}
