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
                .body("entry[1].resource.focus.reference", equalTo("ServiceRequest/" + id))
                .body("entry[0].resource.performer[0].identifier.value", equalTo("net-odense"))
                .extract().asString();
        for (String personal : new String[] {"Amira", "Hansen", "4520304050", "amira@", "kl. 10"}) {
            org.junit.jupiter.api.Assertions.assertFalse(body.contains(personal), personal);
        }
        given().auth().oauth2(TestTokens.adviser("0461")).get("/api/v1/referrals/" + id + "/fhir").then().statusCode(200)
                .body("entry.resource.resourceType", contains("Task"))
                .body("entry[0].resource", not(org.hamcrest.Matchers.hasKey("focus")));
        given().auth().oauth2(TestTokens.shelter("fhir-stranger")).get("/api/v1/referrals/" + id + "/fhir").then().statusCode(404);
    }
}
