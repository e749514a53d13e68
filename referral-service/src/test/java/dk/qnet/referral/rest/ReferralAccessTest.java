package dk.qnet.referral.rest;

import static dk.qnet.referral.ReferralFixtures.PROBLEM;
import static dk.qnet.referral.ReferralFixtures.body;
import static dk.qnet.referral.ReferralFixtures.create;
import static dk.qnet.referral.ReferralFixtures.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.qnet.referral.fhir.FhirReferralMapper;
import dk.qnet.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The access matrix: every endpoint that takes an id, called by every role from the same tenant
 * and from a foreign one. Foreign callers learn nothing: 404 with a body that names nothing.
 */
@QuarkusTest
class ReferralAccessTest {

    record Caller(String name, String token) {
    }

    enum Outcome { OK, NOT_FOUND, FORBIDDEN }

    static void call(String method, String path, Caller caller, Outcome expected, String body) {
        var request = given().auth().oauth2(caller.token()).contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        var response = request.request(method, path);
        int status = response.statusCode();
        String where = method + " " + path + " as " + caller.name();
        // The FHIR view answers its errors as a FHIR OperationOutcome with the same words.
        boolean fhir = path.endsWith("/fhir");
        switch (expected) {
            case OK -> assertEquals(true, status == 200 || status == 409, where + " gave " + status);
            case NOT_FOUND -> {
                assertEquals(404, status, where);
                response.then().contentType(fhir ? FhirReferralMapper.MEDIA_TYPE : PROBLEM)
                        .body(fhir ? "issue[0].diagnostics" : "detail", equalTo("No such resource."));
            }
            case FORBIDDEN -> {
                assertEquals(403, status, where);
                response.then().contentType(fhir ? FhirReferralMapper.MEDIA_TYPE : PROBLEM);
            }
        }
    }

    @Test
    void readsFollowTheMatrix() {
        String shelterToken = TestTokens.shelter("matrix-shelter");
        String id = create(shelterToken, "0461");
        Caller shelter = new Caller("same shelter", shelterToken);
        Caller otherShelter = new Caller("other shelter", TestTokens.shelter("matrix-other"));
        Caller adviser = new Caller("adviser of 0461", TestTokens.adviser("0461"));
        Caller otherAdviser = new Caller("adviser of 0101", TestTokens.adviser("0101"));
        Caller coordinator = new Caller("coordinator of net-odense", TestTokens.coordinator("net-odense"));
        Caller otherCoordinator = new Caller("coordinator of net-aarhus", TestTokens.coordinator("net-aarhus"));
        Caller admin = new Caller("admin", TestTokens.admin());
        Caller analyst = new Caller("analyst", TestTokens.analyst());

        for (String path : List.of("/api/v1/referrals/" + id, "/api/v1/referrals/" + id + "/history",
                "/api/v1/referrals/" + id + "/fhir")) {
            for (Caller c : List.of(shelter, adviser, coordinator, admin)) {
                call("GET", path, c, Outcome.OK, null);
            }
            for (Caller c : List.of(otherShelter, otherAdviser, otherCoordinator)) {
                call("GET", path, c, Outcome.NOT_FOUND, null);
            }
            call("GET", path, analyst, Outcome.FORBIDDEN, null);
        }

        // Field level: the adviser sees status only; the coordinator and sender see contact data.
        given().auth().oauth2(adviser.token()).get("/api/v1/referrals/" + id).then()
                .body("status", equalTo("RECEIVED")).body("personalData", nullValue())
                .body("children", nullValue()).body("matching", nullValue());
        given().auth().oauth2(coordinator.token()).get("/api/v1/referrals/" + id).then()
                .header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
                .body("personalData.phone", equalTo("+4520304050"))
                .body("personalData.safetyNotes", equalTo("Ring kun efter kl. 10."))
                .body("personalData.protectedAddress", equalTo(true));
        given().auth().oauth2(shelter.token()).get("/api/v1/referrals/" + id).then()
                .body("personalData.firstName", equalTo("Amira"));
    }

    @Test
    void withoutSharingConsentTheMunicipalityLearnsNothing() {
        ObjectNode notShared = body("0751");
        ((ObjectNode) notShared.get("consent")).putArray("scopes").add("QNET_CONTACT");
        String id = post(TestTokens.shelter("matrix-private"), notShared).then().statusCode(201).extract().path("id");
        call("GET", "/api/v1/referrals/" + id, new Caller("adviser of 0751", TestTokens.adviser("0751")), Outcome.NOT_FOUND, null);
        given().auth().oauth2(TestTokens.adviser("0751")).get("/api/v1/referrals?size=200")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void changesFollowTheMatrix() {
        String shelterToken = TestTokens.shelter("matrix-changes");
        Caller coordinator = new Caller("coordinator of net-aalborg", TestTokens.coordinator("net-aalborg"));
        Caller otherCoordinator = new Caller("coordinator of net-odense", TestTokens.coordinator("net-odense"));
        Caller shelter = new Caller("same shelter", shelterToken);
        Caller otherShelter = new Caller("other shelter", TestTokens.shelter("someone-else"));
        Caller adviser = new Caller("adviser of 0851", TestTokens.adviser("0851"));
        String reject = "{\"reason\":\"OUT_OF_AREA\"}";
        String withdraw = "{\"reason\":\"NO_LONGER_NEEDED\"}";

        String id = create(shelterToken, "0851");
        String base = "/api/v1/referrals/" + id;
        // Foreign tenants whose role may take the action: 404, as for an id that does not exist.
        call("POST", base + "/accept", otherCoordinator, Outcome.NOT_FOUND, null);
        call("POST", base + "/reject", otherCoordinator, Outcome.NOT_FOUND, reject);
        call("POST", base + "/consent/withdraw", otherCoordinator, Outcome.NOT_FOUND, null);
        call("POST", base + "/withdraw", otherShelter, Outcome.NOT_FOUND, withdraw);
        call("POST", base + "/consent/withdraw", otherShelter, Outcome.NOT_FOUND, null);
        // A role that may never take the action gets 403 for any id, so that reveals nothing either.
        call("POST", base + "/accept", otherShelter, Outcome.FORBIDDEN, null);
        call("POST", "/api/v1/referrals/" + UUID.randomUUID() + "/accept", otherShelter, Outcome.FORBIDDEN, null);
        call("POST", base + "/withdraw", otherCoordinator, Outcome.FORBIDDEN, withdraw);
        call("POST", base + "/erase", otherCoordinator, Outcome.FORBIDDEN, null);
        // The same tenant, but not the role for the action: 403.
        call("POST", base + "/accept", shelter, Outcome.FORBIDDEN, null);
        call("POST", base + "/reject", adviser, Outcome.FORBIDDEN, reject);
        call("POST", base + "/withdraw", coordinator, Outcome.FORBIDDEN, withdraw);
        call("POST", base + "/withdraw", adviser, Outcome.FORBIDDEN, withdraw);
        call("POST", base + "/consent/withdraw", adviser, Outcome.FORBIDDEN, null);
        // The rightful callers.
        call("POST", base + "/accept", coordinator, Outcome.OK, null);
        call("POST", base + "/withdraw", shelter, Outcome.OK, withdraw);
        // Unknown ids look the same as foreign ones.
        call("POST", "/api/v1/referrals/" + UUID.randomUUID() + "/accept", coordinator, Outcome.NOT_FOUND, null);
        call("POST", "/api/v1/referrals/nope/accept", coordinator, Outcome.NOT_FOUND, null);
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/audit?referralId=" + UUID.randomUUID()).then().statusCode(200);
        given().auth().oauth2(coordinator.token()).get("/api/v1/audit?referralId=" + id).then().statusCode(403);
    }

    @Test
    void theClosedLoopIsDatedAndIllegalStepsAre409WithTheCurrentStatus() {
        String shelter = TestTokens.shelter("loop-shelter");
        String coordinator = TestTokens.coordinator("net-odense");
        String id = create(shelter, "0461");
        String base = "/api/v1/referrals/" + id;

        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"reason\":\"SENT_IN_ERROR\"}")
                .post(base + "/reject").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(coordinator).post(base + "/accept").then().statusCode(200).body("status", equalTo("ACCEPTED"));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"reason\":\"OUT_OF_AREA\"}")
                .post(base + "/reject").then().statusCode(409).contentType(PROBLEM)
                .header("X-Current-Status", "ACCEPTED")
                .body("detail", org.hamcrest.Matchers.containsString("ACCEPTED"));
        given().auth().oauth2(shelter).contentType(ContentType.JSON).body("{\"reason\":\"NO_LONGER_NEEDED\"}")
                .post(base + "/withdraw").then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(shelter).contentType(ContentType.JSON).body("{\"reason\":\"NO_LONGER_NEEDED\"}")
                .post(base + "/withdraw").then().statusCode(409).header("X-Current-Status", "WITHDRAWN");

        given().auth().oauth2(shelter).get(base + "/history").then().statusCode(200)
                .body("status", contains("RECEIVED", "ACCEPTED", "WITHDRAWN"))
                .body("reason", contains(null, null, "NO_LONGER_NEEDED"))
                .body("changedBy", contains("shelter", "coordinator", "shelter"))
                .body("changedAt", everyItem(notNullValue()));
    }

    /**
     * Two coordinators read the same referral; the first accepts it; the second, deciding on what
     * she read, rejects it with her ETag and gets 412: nothing changed, and she reads it again.
     */
    @Test
    void aDecisionOnAStaleReadIs412AndChangesNothing() {
        String shelter = TestTokens.shelter("etag-shelter");
        String coordinator = TestTokens.coordinator("net-odense");
        String id = create(shelter, "0461");
        String base = "/api/v1/referrals/" + id;

        String read = given().auth().oauth2(coordinator).get(base).then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.matchesPattern("\"[0-9]+\"")).extract().header("ETag");
        String accepted = given().auth().oauth2(coordinator).header("If-Match", read).post(base + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).extract().header("ETag");
        org.junit.jupiter.api.Assertions.assertNotEquals(read, accepted, "a change gives a new ETag");
        given().auth().oauth2(coordinator).get(base).then().statusCode(200).header("ETag", accepted);

        given().auth().oauth2(coordinator).header("If-Match", read).contentType(ContentType.JSON).body("{\"reason\":\"OUT_OF_AREA\"}")
                .post(base + "/reject").then().statusCode(412).contentType(PROBLEM).body("status", equalTo(412));
        given().auth().oauth2(shelter).header("If-Match", read).contentType(ContentType.JSON).body("{\"reason\":\"NO_LONGER_NEEDED\"}")
                .post(base + "/withdraw").then().statusCode(412).contentType(PROBLEM);
        given().auth().oauth2(shelter).get(base + "/history").then().statusCode(200).body("status", contains("RECEIVED", "ACCEPTED"));

        // A tag this API never gives is a bad request naming the header; a list may name the current one.
        for (String bad : List.of("W/\"1\"", "abc", "\"1", "\"" + "9".repeat(25) + "\"")) {
            given().auth().oauth2(shelter).header("If-Match", bad).contentType(ContentType.JSON).body("{\"reason\":\"NO_LONGER_NEEDED\"}")
                    .post(base + "/withdraw").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("If-Match"));
        }
        given().auth().oauth2(shelter).header("If-Match", read + ", " + accepted).contentType(ContentType.JSON)
                .body("{\"reason\":\"NO_LONGER_NEEDED\"}").post(base + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void listsAreScopedFilteredAndCarryNoPersonalData() {
        String shelter = TestTokens.shelter("list-shelter");
        String a = create(shelter, "0461");
        String b = create(shelter, "0751");
        given().auth().oauth2(TestTokens.coordinator("net-odense")).post("/api/v1/referrals/" + a + "/accept").then().statusCode(200);

        given().auth().oauth2(shelter).get("/api/v1/referrals").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", org.hamcrest.Matchers.containsInAnyOrder(a, b))
                .body("items.personalData", everyItem(nullValue()));
        given().auth().oauth2(shelter).get("/api/v1/referrals?status=ACCEPTED").then().body("items.id", contains(a));
        given().auth().oauth2(TestTokens.coordinator("net-aarhus")).get("/api/v1/referrals?size=200").then()
                .body("items.id", hasItem(b)).body("items.id", not(hasItem(a)))
                .body("items.networkId", everyItem(equalTo("net-aarhus")));
        given().auth().oauth2(TestTokens.shelter("list-nobody")).get("/api/v1/referrals").then().body("total", equalTo(0));

        given().auth().oauth2(shelter).get("/api/v1/referrals?status=LOST").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("status"));
        given().auth().oauth2(shelter).get("/api/v1/referrals?from=yesterday").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().auth().oauth2(shelter).get("/api/v1/referrals?size=5000").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().auth().oauth2(shelter).get("/api/v1/referrals?unrouted=true").then().statusCode(400);
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/referrals").then().statusCode(403);
        given().get("/api/v1/referrals").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.token("coordinator", Map.of())).get("/api/v1/referrals").then().statusCode(403);
    }

    /** Every field path in a JSON object, such as {@code matching.languages}. */
    static java.util.Set<String> fieldsOf(Object node, String prefix) {
        java.util.Set<String> paths = new java.util.TreeSet<>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                String path = prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k;
                paths.add(path);
                paths.addAll(fieldsOf(v, path));
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> paths.addAll(fieldsOf(item, prefix + "[]")));
        }
        return paths;
    }

    @Test
    void aListNeverShowsMoreThanTheDetailForEveryRole() {
        String shelterToken = TestTokens.shelter("subset-shelter");
        String byShelter = create(shelterToken, "0461");
        String adviserToken = TestTokens.adviser("0461");
        String byAdviser = post(adviserToken, body("0461")).then().statusCode(201).extract().path("id");
        Map<String, String> callers = Map.of(
                "sending shelter", shelterToken,
                "adviser of the municipality", adviserToken,
                "coordinator of the network", TestTokens.coordinator("net-odense"),
                "admin", TestTokens.admin());
        for (var caller : callers.entrySet()) {
            for (String id : List.of(byShelter, byAdviser)) {
                var detail = given().auth().oauth2(caller.getValue()).get("/api/v1/referrals/" + id);
                if (detail.statusCode() == 404) {
                    continue;
                }
                java.util.Set<String> allowed = fieldsOf(detail.then().statusCode(200).extract().as(Map.class), "");
                List<Map<String, Object>> items = given().auth().oauth2(caller.getValue()).get("/api/v1/referrals?size=200")
                        .then().statusCode(200).extract().path("items");
                Map<String, Object> item = items.stream().filter(i -> id.equals(i.get("id"))).findFirst()
                        .orElseThrow(() -> new AssertionError(caller.getKey() + " sees " + id + " in the detail but not in the list"));
                java.util.Set<String> listed = fieldsOf(item, "");
                listed.removeAll(allowed);
                org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of(), listed,
                        caller.getKey() + ": the list shows fields the detail hides");
            }
        }
        // The answer to a change follows the same rule: the adviser who sent a referral sees its status only.
        given().auth().oauth2(adviserToken).contentType(io.restassured.http.ContentType.JSON).body("{\"reason\":\"SENT_IN_ERROR\"}")
                .post("/api/v1/referrals/" + byAdviser + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("children", nullValue()).body("matching", nullValue())
                .body("consent", nullValue());
    }
}
