package dk.qnet.referral.fhir;

import static dk.qnet.referral.ReferralFixtures.create;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.qnet.referral.ReferralStatus;
import dk.qnet.referral.StatusReason;
import dk.qnet.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FhirReferralMapperTest {

    @Test
    void everyStatusMapsOntoTheTaskStatusOfDesignMd() {
        Map<ReferralStatus, String> expected = Map.of(
                ReferralStatus.RECEIVED, "requested", ReferralStatus.ACCEPTED, "accepted", ReferralStatus.WAITLISTED, "on-hold",
                ReferralStatus.MATCHED, "in-progress", ReferralStatus.ACTIVE, "in-progress", ReferralStatus.COMPLETED, "completed",
                ReferralStatus.REJECTED, "rejected", ReferralStatus.WITHDRAWN, "cancelled");
        expected.forEach((status, task) -> assertEquals(task, FhirReferralMapper.taskStatus(status, null), status.name()));
        assertEquals("completed", FhirReferralMapper.taskStatus(ReferralStatus.CLOSED, StatusReason.MATCH_ENDED));
        assertEquals("failed", FhirReferralMapper.taskStatus(ReferralStatus.CLOSED, StatusReason.CONSENT_WITHDRAWN));
    }

    @Test
    void theBundleFollowsTheReferralAndCarriesOnlyWhatTheCallerMaySee() {
        String shelter = TestTokens.shelter("fhir-shelter");
        String id = create(shelter, "0461");
        given().auth().oauth2(TestTokens.coordinator("net-odense")).post("/api/v1/referrals/" + id + "/accept").then().statusCode(200);

        String body = given().auth().oauth2(shelter).get("/api/v1/referrals/" + id + "/fhir").then().statusCode(200)
                .contentType(FhirReferralMapper.MEDIA_TYPE)
                .body("resourceType", equalTo("Bundle"))
                .body("entry.resource.resourceType", contains("ServiceRequest", "Task"))
                .body("entry[1].resource.status", equalTo("accepted"))
                // The Task names the ServiceRequest by its entry's fullUrl, so the reference resolves inside the Bundle.
                .body("entry[1].resource.focus.reference", equalTo("urn:uuid:" + id))
                .body("entry[0].fullUrl", equalTo("urn:uuid:" + id))
                .body("entry[1].fullUrl", equalTo("urn:uuid:" + FhirReferralMapper.taskId(java.util.UUID.fromString(id))))
                .body("entry[0].resource.performer[0].identifier.value", equalTo("net-odense"))
                .extract().asString();
        for (String personal : new String[] {"Amira", "Hansen", "4520304050", "amira@", "kl. 10"}) {
            org.junit.jupiter.api.Assertions.assertFalse(body.contains(personal), personal);
        }
        assertEquals(java.util.List.of(), FhirValidation.errors(body), "the shelter's Bundle is valid FHIR R4");
        String statusOnly = given().auth().oauth2(TestTokens.adviser("0461")).get("/api/v1/referrals/" + id + "/fhir").then().statusCode(200)
                .body("entry.resource.resourceType", contains("Task"))
                .body("entry[0].resource", not(org.hamcrest.Matchers.hasKey("focus")))
                .extract().asString();
        assertEquals(java.util.List.of(), FhirValidation.errors(statusOnly), "the adviser's Bundle is valid FHIR R4");
    }

    @Test
    void aFhirClientGetsItsErrorsAsAnOperationOutcome() {
        String id = create(TestTokens.shelter("fhir-errors"), "0461");
        record Refusal(String token, int status, String issue) {
        }
        for (Refusal refusal : java.util.List.of(new Refusal(TestTokens.shelter("fhir-stranger"), 404, "not-found"),
                new Refusal(TestTokens.analyst(), 403, "forbidden"), new Refusal(null, 401, "login"))) {
            var request = given().accept(FhirReferralMapper.MEDIA_TYPE);
            if (refusal.token() != null) {
                request = request.auth().oauth2(refusal.token());
            }
            String outcome = request.get("/api/v1/referrals/" + id + "/fhir").then().statusCode(refusal.status())
                    .contentType(FhirReferralMapper.MEDIA_TYPE)
                    .body("resourceType", equalTo("OperationOutcome"))
                    .body("issue[0].severity", equalTo("error"))
                    .body("issue[0].code", equalTo(refusal.issue()))
                    .extract().asString();
            assertEquals(java.util.List.of(), FhirValidation.errors(outcome), refusal + " is a valid OperationOutcome");
        }
        // A malformed id is answered like an unknown one.
        given().auth().oauth2(TestTokens.shelter("fhir-errors")).get("/api/v1/referrals/not-a-uuid/fhir").then().statusCode(404)
                .contentType(FhirReferralMapper.MEDIA_TYPE).body("issue[0].code", equalTo("not-found"));
    }
}
