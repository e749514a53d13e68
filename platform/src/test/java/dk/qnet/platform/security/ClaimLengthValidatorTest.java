package dk.qnet.platform.security;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dk.qnet.platform.identity.Claims;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.junit.jupiter.api.Test;

class ClaimLengthValidatorTest {

    static JwtClaims claims(String subject, String claim, String value) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(subject);
        if (claim != null) {
            claims.setClaim(claim, value);
        }
        return claims;
    }

    @Test
    void realmTokensPass() throws MalformedClaimException {
        assertNull(ClaimLengthValidator.check(claims("4c1f3f0e-9a57-4d7b-8a43-1c0f2b7a9e11", "org_id", "shelter-odense")));
        assertNull(ClaimLengthValidator.check(claims("s".repeat(Claims.MAX_SUBJECT_LENGTH), "network_id", "n".repeat(Claims.MAX_TENANT_LENGTH))));
    }

    @Test
    void aLongerSubjectOrTenantClaimIsRefused() throws MalformedClaimException {
        assertNotNull(ClaimLengthValidator.check(claims("s".repeat(Claims.MAX_SUBJECT_LENGTH + 1), null, null)));
        for (String claim : ClaimLengthValidator.TENANT_CLAIMS) {
            assertNotNull(ClaimLengthValidator.check(claims("sub", claim, "x".repeat(Claims.MAX_TENANT_LENGTH + 1))), claim);
        }
    }
}
