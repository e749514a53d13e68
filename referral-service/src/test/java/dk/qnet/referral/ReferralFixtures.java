package dk.qnet.referral;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;

/** Valid referral bodies to start from, and the calls every test makes. */
public final class ReferralFixtures {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String PROBLEM = "application/problem+json";

    private ReferralFixtures() {
    }

    public static ObjectNode body(String municipality) {
        return body(municipality, "Amira", "Hansen", "+45 20 30 40 50", "Ring kun efter kl. 10.");
    }

    public static ObjectNode body(String municipality, String firstName, String lastName, String phone, String safetyNotes) {
        try {
            return (ObjectNode) JSON.readTree("""
                    {
                      "woman": {"firstName": %s, "lastName": %s, "phone": %s, "email": "amira@example.invalid",
                                "preferredContact": "SMS", "contactTimes": "Hverdage efter kl. 10"},
                      "safety": {"safeToLeaveMessage": false, "protectedAddress": true, "safetyNotes": %s},
                      "municipalityCode": "%s",
                      "expectedMoveOutDate": "%s",
                      "children": [{"birthYear": 2017, "sex": "FEMALE"}, {"birthYear": 2021}],
                      "matching": {"languages": ["da", "ar"], "needs": ["NETWORK", "AUTHORITY_MEETINGS"],
                                   "availability": [{"day": "TUESDAY", "period": "AFTERNOON"}],
                                   "preferences": {"volunteerAgeBand": "FROM_30_TO_49", "interests": ["COOKING"],
                                                   "wishes": "Gerne en der også har børn"}},
                      "consent": {"scopes": ["QNET_CONTACT", "STATISTICS", "SHARE_WITH_MUNICIPALITY"],
                                  "givenAt": "2026-11-20T10:00:00Z", "method": "WRITTEN"}
                    }
                    """.formatted(JSON.valueToTree(firstName), JSON.valueToTree(lastName), JSON.valueToTree(phone),
                    JSON.valueToTree(safetyNotes), municipality, LocalDate.now().plusDays(14)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Response post(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body.toString())
                .when().post("/api/v1/referrals");
    }

    /** Posts a valid referral and returns its id. */
    public static String create(String token, String municipality) {
        return post(token, body(municipality)).then().log().ifValidationFails().statusCode(201).extract().path("id");
    }
}
