package dk.qnet.platform.security;

import dk.qnet.platform.identity.Claims;
import dk.qnet.platform.identity.Roles;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwt.consumer.Validator;

/**
 * Refuses a token whose subject or tenant claim is longer than {@link Claims} allows: the
 * services write them into records (the audit, a referral's sender), whose lengths the API
 * documents. Keycloak's subjects are UUIDs and the realm's tenant claims are short ids, so an
 * honest token is never refused. OIDC runs every Validator bean on every token.
 */
@Unremovable
@ApplicationScoped
public class ClaimLengthValidator implements Validator {

    static final List<String> TENANT_CLAIMS = List.of(Roles.ORG_ID_CLAIM, Roles.NETWORK_CLAIM, Roles.MUNICIPALITY_CLAIM);

    @Override
    public String validate(JwtContext context) throws MalformedClaimException {
        return check(context.getJwtClaims());
    }

    /** Why the claims are refused, or null when they are within bounds. */
    static String check(JwtClaims claims) throws MalformedClaimException {
        String subject = claims.getSubject();
        if (subject != null && subject.length() > Claims.MAX_SUBJECT_LENGTH) {
            return "the token's subject is longer than " + Claims.MAX_SUBJECT_LENGTH + " characters";
        }
        for (String name : TENANT_CLAIMS) {
            Object value = claims.getClaimValue(name);
            if (value != null && value.toString().length() > Claims.MAX_TENANT_LENGTH) {
                return "the token's " + name + " claim is longer than " + Claims.MAX_TENANT_LENGTH + " characters";
            }
        }
        return null;
    }
}
