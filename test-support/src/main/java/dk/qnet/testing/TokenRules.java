package dk.qnet.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The token rules every service must keep, in one place: a service's test extends this and names
 * a protected endpoint, a role allowed on it and one that is not. A token that is missing, expired,
 * issued in the future, signed by an unknown key, or issued by or for someone else is 401; a missing role is 403; every
 * refusal is problem+json.
 */
public abstract class TokenRules {

    private final String path;
    private final Supplier<String> allowed;
    private final String other;

    /**
     * @param path    a GET endpoint that needs a token
     * @param allowed a token of a role that may call it (made when a test runs)
     * @param other   the name of a role that may not call it
     */
    protected TokenRules(String path, Supplier<String> allowed, String other) {
        this.path = path;
        this.allowed = allowed;
        this.other = other;
    }

    private String protectedPath() {
        return path;
    }

    private String allowedToken() {
        return allowed.get();
    }

    private String otherRole() {
        return other;
    }

    @Test
    void aValidTokenOfAnAllowedRoleIsServed() {
        given().auth().oauth2(allowedToken()).get(protectedPath()).then().statusCode(200);
    }

    @Test
    void noTokenIs401() {
        given().get(protectedPath()).then().statusCode(401).contentType(startsWith("application/problem+json"));
    }

    @Test
    void anExpiredTokenIs401() {
        given().auth().oauth2(TestTokens.expired(otherRole(), Map.of())).get(protectedPath()).then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void aTokenSignedByAnUnknownKeyIs401() {
        given().auth().oauth2(TestTokens.signedByUnknownKey(otherRole(), Map.of())).get(protectedPath()).then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void aTokenOfAnotherIssuerIs401() {
        String token = TestTokens.builder(otherRole(), Map.of()).issuer("https://evil.example/realms/qnet").sign(TestTokens.signingKeyForTests());
        given().auth().oauth2(token).get(protectedPath()).then().statusCode(401).contentType(startsWith("application/problem+json"));
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        String token = TestTokens.builder(otherRole(), Map.of()).audience("another-api").sign(TestTokens.signingKeyForTests());
        given().auth().oauth2(token).get(protectedPath()).then().statusCode(401).contentType(startsWith("application/problem+json"));
    }

    @Test
    void aTokenIssuedInTheFutureIs401() {
        String future = TestTokens.builder(otherRole(), Map.of()).issuedAt(Instant.now().plusSeconds(3600))
                .expiresAt(Instant.now().plusSeconds(7200)).sign(TestTokens.signingKeyForTests());
        given().auth().oauth2(future).get(protectedPath()).then().statusCode(401).contentType(startsWith("application/problem+json"));
    }

    @Test
    void aRoleThatMayNotCallIt403() {
        given().auth().oauth2(TestTokens.token(otherRole(), Map.of())).get(protectedPath()).then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
    }
}
