package dk.qnet.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
        // The services log JSON lines here, as in production, so the canary hunt covers that form too.
        suite = RunningSuite.start(Map.of("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true"));
    }

    /** A good start logs nothing alarming, in JSON as in text (PagesJourneyTest): no WARN or ERROR line in any log. */
    @Test
    @org.junit.jupiter.api.Order(0)
    void aGoodStartLogsNoWarningAndTheServicesLogJson() throws Exception {
        assertEquals(List.of(), suite.warningsAtStart);
        for (String service : List.of("referral-service", "matching-service", "activity-service", "statistics-service")) {
            List<String> lines = java.nio.file.Files.readAllLines(suite.state().resolve("logs/" + service + ".log"));
            long json = lines.stream().filter(l -> l.startsWith("{") && l.contains("\"level\":") && l.contains("\"message\":")).count();
            assertTrue(json > 5 && json >= lines.size() - 3, service + " logs JSON lines: " + lines.subList(0, Math.min(3, lines.size())));
        }
    }

    @AfterAll
    static void down() throws Exception {
        if (suite != null) {
            suite.close();
        }
    }

    static String passwordToken(String user) {
        return suite.passwordToken(user);
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
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].actorRole", equalTo("coordinator"));
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

        matchAndMeet(coordinator, id, "Hanne");

        // Back in referral-service, the sender follows it: the closed loop.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(shelter).get(referrals + "/" + id + "/history")
                .then().statusCode(200).body("status", org.hamcrest.Matchers.contains("RECEIVED", "ACCEPTED", "MATCHED", "ACTIVE")));
    }

    /**
     * The coordinator's part: a volunteer registered and approved; once the acceptance has reached
     * matching-service on Kafka, the engine's proposal approved, the volunteer's yes recorded and a
     * first meeting logged. Returns the match id.
     */
    static String matchAndMeet(String coordinator, String referralId, String volunteerName) {
        return matchAndMeet(suite, coordinator, referralId, volunteerName).match();
    }

    /** The objects a pairing leaves in matching-service. */
    record Pairing(String volunteer, String proposal, String match) {
    }

    static Pairing matchAndMeet(RunningSuite suite, String coordinator, String referralId, String volunteerName) {
        String matching = suite.baseUrl(suite.matchingPort) + "/api/v1";
        String volunteer = given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("""
                {"firstName":"%s","municipalityCode":"0461","languages":["da"],"availability":[{"day":"MONDAY","period":"EVENING"}],
                 "ageBand":"FROM_50_TO_64","trainingCompletedOn":"2026-01-15","certificateValidUntil":"%s"}
                """.formatted(volunteerName, java.time.LocalDate.now().plusYears(1))).post(matching + "/volunteers").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"status\":\"APPROVED\"}")
                .post(matching + "/volunteers/" + volunteer + "/status").then().statusCode(200);
        String proposal = await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(coordinator)
                .post(matching + "/networks/net-odense/matching-runs").then().statusCode(200)
                .extract().<String>path("find { it.referralId == '" + referralId + "' }.id"), java.util.Objects::nonNull);
        String match = given().auth().oauth2(coordinator).post(matching + "/proposals/" + proposal + "/approve")
                .then().statusCode(200).extract().path("id");
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"accepted\":true}")
                .post(matching + "/matches/" + match + "/answer").then().statusCode(200);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"heldOn\":\"" + java.time.LocalDate.now() + "\",\"durationMinutes\":75}")
                .post(matching + "/matches/" + match + "/meetings").then().statusCode(200);
        return new Pairing(volunteer, proposal, match);
    }

    @Test
    void apiCallersUseTheClientCredentialsGrantAndForgedTokensAreRefused() {
        String token = suite.clientToken();
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
        // qnet-api is no longer a shared case-system client: it has no service account.
        given().formParam("grant_type", "client_credentials").formParam("client_id", "qnet-api")
                .formParam("client_secret", "qnet-api-local-secret")
                .post(suite.keycloakRealm() + "/protocol/openid-connect/token")
                .then().statusCode(anyOf(is(400), is(401)));
    }

    /** Each integrating organisation has its own client: its token names its organisation, and it sees only its own referrals. */
    @Test
    void eachOrganisationsClientSeesOnlyItsOwnReferrals() {
        String referrals = suite.baseUrl(suite.referralPort) + "/api/v1/referrals";
        String a = suite.clientToken("case-system-a");
        String b = suite.clientToken("case-system-b");
        String municipality = suite.clientToken("case-system-municipality-0461");
        String fromA = given().auth().oauth2(a).contentType(ContentType.JSON).body(referral("0461")).post(referrals)
                .then().statusCode(201).extract().path("id");
        String fromB = given().auth().oauth2(b).contentType(ContentType.JSON).body(referral("0461")).post(referrals)
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(a).get(referrals + "/" + fromA).then().statusCode(200).body("personalData.firstName", notNullValue());
        given().auth().oauth2(a).get(referrals + "/" + fromB).then().statusCode(404);
        given().auth().oauth2(b).get(referrals + "/" + fromA).then().statusCode(404);
        given().auth().oauth2(a).get(referrals + "?size=200").then().statusCode(200)
                .body("items.id", hasItem(fromA)).body("items.id", not(hasItem(fromB)));
        given().auth().oauth2(b).get(referrals + "?size=200").then().statusCode(200)
                .body("items.id", hasItem(fromB)).body("items.id", not(hasItem(fromA)));
        // The municipality's case system sends as adviser of 0461.
        given().auth().oauth2(municipality).contentType(ContentType.JSON).body(referral("0461")).post(referrals)
                .then().statusCode(201).body("senderType", equalTo("MUNICIPALITY"));
    }

    /**
     * Intake is limited per client (120 a minute by default, a burst of that size): above it a
     * 429 problem with Retry-After, and after waiting that long the client is served again. The
     * case system's client is used, so the demo shelters' own buckets stay full.
     */
    @Test
    void intakeAboveTheLimitIs429AndResumesAfterRetryAfter() throws Exception {
        String client = suite.clientToken();
        String referrals = suite.baseUrl(suite.referralPort) + "/api/v1/referrals";
        int served = 0;
        io.restassured.response.Response refused = null;
        for (int i = 0; i < 400 && refused == null; i++) {
            io.restassured.response.Response r = given().auth().oauth2(client).contentType(ContentType.JSON).body(referral("0101")).post(referrals);
            if (r.statusCode() == 201) {
                served++;
            } else {
                refused = r;
            }
        }
        assertTrue(refused != null, "no 429 after " + served + " referrals in a burst");
        assertEquals(429, refused.statusCode(), refused.asString());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertTrue(served >= 120, "refused after only " + served);
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        System.out.printf("RATE LIMIT: %d referrals served in a burst, then 429 with Retry-After %d s%n", served, retryAfter);
        Thread.sleep(retryAfter * 1000);
        given().auth().oauth2(client).contentType(ContentType.JSON).body(referral("0101")).post(referrals).then().statusCode(201);
    }

    @Test
    void aSecondUpWhileRunningChangesNothing() throws Exception {
        List<Long> before = suite.recordedPids();
        assertEquals(0, suite.qnet(RunningSuite.Duration.ofMinutes(1), "up"));
        assertEquals(before, suite.recordedPids());
    }

    /**
     * Issue 9's privacy and poison-record claims, on the same running suite: bad records on every
     * topic land in its dead-letter topic and every consumer goes on; canaries travel the whole
     * pipeline and are found nowhere outside referral-service's encrypted store; a withdrawn
     * consent erases her everywhere within 60 seconds and leaves the published totals.
     */
    @org.junit.jupiter.api.Nested
    @org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
    @org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
    class PrivacyAndPoisonAcrossTheSuite {

        final String tag = Long.toString(System.nanoTime() % 100_000_000L, 36) + UUID.randomUUID().toString().substring(0, 4);
        final String phoneDigits = String.format("2%07d", new java.util.Random().nextInt(10_000_000));
        final List<String> canaries = List.of("Kanarie" + tag, "Fuglesang" + tag, "+45" + phoneDigits,
                "kanarie." + tag + "@example.dk", "Sikkerhedsnote" + tag, "Kontakttid" + tag, "Oenske" + tag);
        String referralId;
        String activityId;

        final Map<String, List<String>> consumers = Map.of(
                "referral-service", List.of("qnet.networks.v1", "qnet.matches.v1"),
                "matching-service", List.of("qnet.referrals.v1"),
                "activity-service", List.of("qnet.networks.v1", "qnet.referrals.v1"),
                "statistics-service", List.of("qnet.referrals.v1", "qnet.matches.v1", "qnet.volunteers.v1", "qnet.networks.v1",
                        "qnet.activities.v1"));

        @Test
        @org.junit.jupiter.api.Order(1)
        void poisonRecordsOnEveryTopicLandInItsDeadLetterTopicAndEveryConsumerGoesOn() throws Exception {
            String key = "poison-" + tag;
            Map<String, String> types = Map.of("qnet.referrals.v1", "ReferralReceived", "qnet.matches.v1", "MatchAccepted",
                    "qnet.volunteers.v1", "VolunteerStatusChanged", "qnet.networks.v1", "NetworkUpdated", "qnet.activities.v1", "ActivityHeld");
            try (LeakHunt.Producer producer = new LeakHunt.Producer(suite)) {
                for (var t : types.entrySet()) {
                    Map<String, String> headers = Map.of("qnet-event-id", UUID.randomUUID().toString(), "qnet-event-type", t.getValue(),
                            "qnet-occurred-at", java.time.Instant.now().toString(), "qnet-schema-version", "1");
                    producer.send(t.getKey(), key, "{not json", headers);
                    producer.send(t.getKey(), key, "{}", Map.of());
                    producer.send(t.getKey(), key, "{}", Map.of("qnet-event-id", UUID.randomUUID().toString(),
                            "qnet-event-type", t.getValue(), "qnet-occurred-at", java.time.Instant.now().toString(), "qnet-schema-version", "99"));
                }
            }
            for (String topic : types.keySet()) {
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                    List<Map<String, String>> dead = LeakHunt.recordsWithKey(suite, topic + ".dlq", key);
                    assertTrue(dead.size() >= 3, topic + ".dlq holds " + dead.size() + " of the 3 bad records");
                    dead.forEach(h -> assertTrue(h.containsKey("dead-letter-reason"), topic + ": a dead letter without its reason"));
                });
            }
            // Every consumer group has gone past them: nothing left to consume on any of its topics.
            for (var c : consumers.entrySet()) {
                await().atMost(Duration.ofSeconds(90)).until(() -> LeakHunt.lag(suite, c.getKey(), c.getValue()) == 0);
            }
        }

        @Test
        @org.junit.jupiter.api.Order(2)
        void canariesTravelTheWholePipelineAndAreFoundNowhereElse() throws Exception {
            String shelter = passwordToken("shelter-odense");
            String coordinator = passwordToken("coordinator-odense");
            String referrals = suite.baseUrl(suite.referralPort) + "/api/v1/referrals";
            String matching = suite.baseUrl(suite.matchingPort) + "/api/v1";
            String body = """
                    {"woman": {"firstName": "%s", "lastName": "%s", "phone": "+45 %s %s %s %s", "email": "%s",
                               "preferredContact": "PHONE", "contactTimes": "%s"},
                     "safety": {"safeToLeaveMessage": false, "protectedAddress": true, "safetyNotes": "%s"},
                     "municipalityCode": "0461", "expectedMoveOutDate": "%s", "children": [{"birthYear": 2019}],
                     "matching": {"languages": ["da"], "needs": ["NETWORK"], "availability": [{"day": "MONDAY", "period": "EVENING"}],
                                  "preferences": {"wishes": "%s"}},
                     "consent": {"scopes": ["QNET_CONTACT", "STATISTICS"], "givenAt": "2026-11-20T10:00:00Z", "method": "VERBAL"}}
                    """.formatted(canaries.get(0), canaries.get(1), phoneDigits.substring(0, 2), phoneDigits.substring(2, 4),
                    phoneDigits.substring(4, 6), phoneDigits.substring(6), canaries.get(3), canaries.get(5), canaries.get(4),
                    java.time.LocalDate.now().plusDays(5), canaries.get(6));
            referralId = given().auth().oauth2(shelter).contentType(ContentType.JSON).body(body).post(referrals)
                    .then().log().ifValidationFails().statusCode(201).extract().path("id");
            given().auth().oauth2(coordinator).get(referrals + "/" + referralId).then().statusCode(200)
                    .body("personalData.firstName", equalTo(canaries.get(0)));
            given().auth().oauth2(coordinator).post(referrals + "/" + referralId + "/accept").then().statusCode(200);

            String match = matchAndMeet(coordinator, referralId, "Ruth");
            given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("""
                    {"timepoint":"START","network":2,"community":3,"health":2,"economy":1,"housing":4,"jobEducation":2,"safety":3}
                    """).post(matching + "/matches/" + match + "/outcomes").then().statusCode(201);

            String activities = suite.baseUrl(suite.activityPort()) + "/api/v1/activities";
            java.time.Instant starts = java.time.Instant.now().plus(Duration.ofDays(9));
            activityId = given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("""
                    {"title":"Fællesspisning","description":"Vi laver mad sammen","type":"MEAL","startsAt":"%s","endsAt":"%s",
                     "venue":"Netværkets lokaler","venueKind":"NETWORK_PREMISES","audience":["WOMEN","CHILDREN"],"capacity":12}
                    """.formatted(starts, starts.plus(Duration.ofHours(2)))).post(activities).then().statusCode(201).extract().path("id");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                    .body("{\"kind\":\"WOMAN\",\"referralId\":\"" + referralId + "\"}")
                    .post(activities + "/" + activityId + "/registrations").then().statusCode(201));

            // Everything downstream has happened: ACTIVE in the sender's history, the outcome counted.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(shelter).get(referrals + "/" + referralId + "/history")
                    .then().statusCode(200).body("status", org.hamcrest.Matchers.hasItem("ACTIVE")));
            for (var c : consumers.entrySet()) {
                await().atMost(Duration.ofSeconds(60)).until(() -> LeakHunt.lag(suite, c.getKey(), c.getValue()) == 0);
            }

            LeakHunt hunt = new LeakHunt(suite);
            Map<String, Integer> kafka = hunt.kafka(canaries);
            assertTrue(kafka.get("(records read)") > 20, "the hunt read the topics: " + kafka);
            assertEquals(Map.of(), LeakHunt.leaks(kafka), "canaries on Kafka");
            assertEquals(Map.of(), LeakHunt.leaks(hunt.logs(canaries)), "canaries in the logs");
            for (String database : List.of("matching", "activity", "statistics")) {
                Map<String, Integer> rows = hunt.database(database, canaries);
                assertTrue(rows.get("(tables)") > 3, database + ": the hunt read its tables");
                assertEquals(Map.of(), LeakHunt.leaks(rows), "canaries in the " + database + " database");
            }
            // In referral-service they exist only encrypted: no table holds them in plain text.
            assertEquals(Map.of(), LeakHunt.leaks(hunt.database("referral", canaries)), "canaries in plain text in referral-service");
        }

        @Test
        @org.junit.jupiter.api.Order(3)
        void aWithdrawnConsentErasesHerEverywhereWithinAMinuteAndTheTotalsStay() throws Exception {
            org.junit.jupiter.api.Assumptions.assumeTrue(referralId != null, "needs the canary referral");
            String shelter = passwordToken("shelter-odense");
            String coordinator = passwordToken("coordinator-odense");
            String referrals = suite.baseUrl(suite.referralPort) + "/api/v1/referrals";
            String headline = suite.baseUrl(suite.statisticsPort) + "/api/v1/statistics/headline";
            Object before = given().get(headline).then().statusCode(200).extract().path("figures.referralsReceived");

            given().auth().oauth2(shelter).post(referrals + "/" + referralId + "/consent/withdraw").then().statusCode(200);
            long started = System.nanoTime();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                given().auth().oauth2(coordinator).get(referrals + "/" + referralId).then()
                        .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(canaries.get(0))));
                given().auth().oauth2(coordinator).get(suite.baseUrl(suite.matchingPort) + "/api/v1/waiting-referrals/" + referralId)
                        .then().statusCode(404);
                given().auth().oauth2(coordinator).get(suite.baseUrl(suite.matchingPort) + "/api/v1/networks/net-odense/matches?size=200").then()
                        .body("items.referralId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(referralId)));
                given().auth().oauth2(coordinator).get(suite.baseUrl(suite.activityPort()) + "/api/v1/activities/" + activityId + "/registrations?size=200")
                        .then().statusCode(200).body("items.referralId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(referralId)));
                Map<String, Integer> secrets = new LeakHunt(suite).database("referral", List.of(referralId));
                assertEquals(null, secrets.get("referral_secret"), "her data key is still there");
            });
            System.out.printf("erased everywhere %.1f s after the withdrawal%n", (System.nanoTime() - started) / 1e9);
            Object after = given().get(headline).then().statusCode(200).extract().path("figures.referralsReceived");
            assertEquals(before, after, "the published total changed");
        }
    }
}
