package dk.qnet.referral.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import dk.qnet.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An error is a Danish page or problem+json by the kind of resource that answers (PageResource),
 * not by the address: an API operation's is problem+json whatever the client accepts, and an
 * address nothing serves is a page for a browser and problem+json for anyone else. (A page's own
 * errors need the pages' login, which service tests don't have: PagesJourneyTest shows them.)
 */
@QuarkusTest
class ErrorAnswersTest {

    final String shelter = TestTokens.shelter("shelter-error-answers");

    @Test
    void anApiOperationsErrorIsAProblemEvenForABrowser() {
        given().auth().oauth2(shelter).accept("text/html,application/xhtml+xml,*/*;q=0.8")
                .get("/api/v1/referrals/" + UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anAddressNothingServesIsAPageForABrowserAndAProblemForAClient() {
        given().accept("text/html,application/xhtml+xml,*/*;q=0.8").get("/ingen-side-her").then()
                .statusCode(404).contentType(startsWith("text/html")).header("Cache-Control", "no-store")
                .body(containsString("Siden findes ikke")).body(containsString("href=\"/sider/\""));
        given().accept("*/*").get("/ingen-side-her").then().statusCode(404).contentType("application/problem+json");
        given().accept("application/json").get("/api/v1/ingen-operation").then().statusCode(404).contentType("application/problem+json");
    }
}
