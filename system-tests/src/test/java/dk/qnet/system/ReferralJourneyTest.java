package dk.qnet.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A referral travels the whole running suite: a real Keycloak token, referral-service, the
 * outbox relay, the Kafka broker, matching-service and statistics-service.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ReferralJourneyTest {

    private static RunningSuite suite;

    @BeforeAll
    static void up() throws Exception {
        suite = RunningSuite.start();
    }

    @AfterAll
    static void down() throws Exception {
        if (suite != null) {
            suite.close();
        }
    }

    static String passwordToken(String user) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "qnet-api")
                .formParam("client_secret", "qnet-api-local-secret")
                .formParam("username", user)
                .formParam("password", "qnet-demo")
                .post(suite.keycloakRealm() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    static String referral(String municipality) {
        return """
                {"woman": {"firstName": "Sara", "lastName": "Jensen", "phone": "+4522334455", "preferredContact": "PHONE"},
                 "safety": {"safeToLeaveMessage": true, "protectedAddress": false},
                 "municipalityCode": "%s", "expectedMoveOutDate": "%s",
                 "children": [{"birthYear": 2020}],
                 "matching": {"languages": ["da"], "needs": ["NETWORK"], "availability": [{"day": "MONDAY", "period": "EVENING"}]},
                 "consent": {"scopes": ["QNET_CONTACT", "STATISTICS"], "givenAt": "2026-11-20T10:00:00Z", "method": "VERBAL"}}
                """.formatted(municipality, java.time.LocalDate.now().plusDays(7));
    }

    /** First, on the fresh suite: its exact monthly count assumes no other referral yet. */
    @Test
    @org.junit.jupiter.api.Order(1)
    void aReferralPostedWithARealKeycloakTokenReachesMatchingAndStatistics() throws Exception {
        assertTrue(suite.output("up").contains("Qnet is up"), suite.output("up"));
        String shelter = passwordToken("shelter-odense");
        String referrals = suite.baseUrl(suite.referralPort) + "/api/v1/referrals";

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(given().auth().oauth2(shelter).contentType(ContentType.JSON).body(referral("0461"))
                    .post(referrals)
                    .then().log().ifValidationFails().statusCode(201)
                    .body("networkId", equalTo("net-odense"))
                    .extract().path("id"));
        }

        String coordinator = passwordToken("coordinator-odense");
        for (String id : ids) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    given().auth().oauth2(coordinator)
                            .get(suite.baseUrl(suite.matchingPort) + "/api/v1/waiting-referrals/" + id)
                            .then().statusCode(200).body("networkId", equalTo("net-odense")));
        }

        // A fresh suite has counted exactly these five this month: at the threshold, so shown.
        YearMonth month = YearMonth.now(ZoneId.of("Europe/Copenhagen"));
        String statistics = suite.baseUrl(suite.statisticsPort) + "/api/v1/statistics/referrals-received?year=" + month.getYear();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get(statistics).then().statusCode(200)
                        .body("months.find { it.month == '" + month + "' }.received", equalTo(5)));

        // Another shelter, and a coordinator of another network, learn nothing.
        given().auth().oauth2(passwordToken("shelter-aarhus")).get(referrals + "/" + ids.get(0))
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(passwordToken("coordinator-aarhus"))
                .get(suite.baseUrl(suite.matchingPort) + "/api/v1/waiting-referrals/" + ids.get(0))
                .then().statusCode(404);
        given().auth().oauth2(coordinator).get(referrals + "/" + ids.get(0)).then().statusCode(200)
                .body("personalData.firstName", equalTo("Sara"));
        given().auth().oauth2(passwordToken("admin")).get(suite.baseUrl(suite.referralPort) + "/api/v1/audit?referralId=" + ids.get(0))
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].actorRole", equalTo("coordinator"));
    }

    @Test
    void theClosedLoopRunsAcrossTheServices() {
        String shelter = passwordToken("shelter-odense");
        String coordinator = passwordToken("coordinator-odense");
        String referrals = suite.baseUrl(suite.referralPort) + "/api/v1/referrals";
        String matching = suite.baseUrl(suite.matchingPort) + "/api/v1";
        String id = given().auth().oauth2(shelter).contentType(ContentType.JSON).body(referral("0461")).post(referrals)
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(coordinator).post(referrals + "/" + id + "/accept").then().statusCode(200);

        String volunteer = given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("""
                {"firstName":"Hanne","municipalityCode":"0461","languages":["da"],"availability":[{"day":"MONDAY","period":"EVENING"}],
                 "ageBand":"FROM_50_TO_64","trainingCompletedOn":"2026-01-15","certificateValidUntil":"%s"}
                """.formatted(java.time.LocalDate.now().plusYears(1))).post(matching + "/volunteers").then().statusCode(201).extract().path("id");
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"status\":\"APPROVED\"}")
                .post(matching + "/volunteers/" + volunteer + "/status").then().statusCode(200);

        // The acceptance travels to matching-service on Kafka; then the engine proposes her, with its reasons.
        String proposal = await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(coordinator)
                .post(matching + "/networks/net-odense/matching-runs").then().statusCode(200)
                .extract().<String>path("find { it.referralId == '" + id + "' }.id"), java.util.Objects::nonNull);
        String match = given().auth().oauth2(coordinator).post(matching + "/proposals/" + proposal + "/approve")
                .then().statusCode(200).extract().path("id");
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"accepted\":true}")
                .post(matching + "/matches/" + match + "/answer").then().statusCode(200);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"heldOn\":\"" + java.time.LocalDate.now() + "\",\"durationMinutes\":75}")
                .post(matching + "/matches/" + match + "/meetings").then().statusCode(200);

        // Back in referral-service, the sender follows it: the closed loop.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(shelter).get(referrals + "/" + id + "/history")
                .then().statusCode(200).body("status", org.hamcrest.Matchers.contains("RECEIVED", "ACCEPTED", "MATCHED", "ACTIVE")));
    }

    @Test
    void apiCallersUseTheClientCredentialsGrantAndForgedTokensAreRefused() {
        String token = given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "qnet-api")
                .formParam("client_secret", "qnet-api-local-secret")
                .post(suite.keycloakRealm() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        String referrals = suite.baseUrl(suite.referralPort) + "/api/v1/referrals";
        given().auth().oauth2(token).contentType(ContentType.JSON).body(referral("0101"))
                .post(referrals).then().statusCode(201).body("senderType", equalTo("SHELTER"));

        // The same token with its signature cut off is refused.
        String unsigned = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
        given().auth().oauth2(unsigned).contentType(ContentType.JSON).body(referral("0101"))
                .post(referrals).then().statusCode(401).contentType("application/problem+json");
        given().formParam("grant_type", "password").formParam("client_id", "qnet-api")
                .formParam("client_secret", "qnet-api-local-secret")
                .formParam("username", "shelter-odense").formParam("password", "wrong")
                .post(suite.keycloakRealm() + "/protocol/openid-connect/token")
                .then().statusCode(400).body("error", containsString("invalid_grant")); // RFC 6749 5.2
    }

    @Test
    void aSecondUpWhileRunningChangesNothing() throws Exception {
        List<Long> before = suite.recordedPids();
        assertEquals(0, suite.qnet(RunningSuite.Duration.ofMinutes(1), "up"));
        assertEquals(before, suite.recordedPids());
    }
}
