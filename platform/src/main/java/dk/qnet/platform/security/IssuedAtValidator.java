package dk.qnet.platform.security;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwt.consumer.Validator;

/**
 * Refuses a token issued in the future (its {@code iat} more than a minute ahead of this
 * clock): the signature may be good, but no honest issuer makes one, and such a token would
 * outlive the lifespan the issuer meant it to have. OIDC runs every Validator bean on every token.
 */
@Unremovable
@ApplicationScoped
public class IssuedAtValidator implements Validator {

    static final long ALLOWED_SKEW_SECONDS = 60;

    @Override
    public String validate(JwtContext context) throws MalformedClaimException {
        NumericDate issuedAt = context.getJwtClaims().getIssuedAt();
        if (issuedAt == null) {
            return null;
        }
        NumericDate latest = NumericDate.now();
        latest.addSeconds(ALLOWED_SKEW_SECONDS);
        return issuedAt.isAfter(latest) ? "the token was issued in the future" : null;
    }
}
