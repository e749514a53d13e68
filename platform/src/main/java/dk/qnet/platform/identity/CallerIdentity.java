package dk.qnet.platform.identity;

import dk.qnet.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, read from the verified token: role and the tenant claim that scopes it.
 * Tenant ids always come from here, never from a request body.
 */
@RequestScoped
public class CallerIdentity {

    private final SecurityIdentity identity;

    public CallerIdentity(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isAdmin() {
        return hasRole(Roles.ADMIN);
    }

    /** The token's subject: a pseudonymous user id, safe to store in audit trails. */
    public String subject() {
        return claim("sub").orElseGet(() -> identity.getPrincipal().getName());
    }

    public Optional<String> orgId() {
        return claim(Roles.ORG_ID_CLAIM);
    }

    public Optional<String> municipalityCode() {
        return claim(Roles.MUNICIPALITY_CLAIM);
    }

    public Optional<String> networkId() {
        return claim(Roles.NETWORK_CLAIM);
    }

    /** The tenant claim a role needs; a token without it is refused outright. */
    public String required(Optional<String> claim, String name) {
        return claim.orElseThrow(() -> ProblemException.forbidden("The token lacks the " + name + " claim."));
    }

    private Optional<String> claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            if (value == null) {
                return Optional.empty();
            }
            String text = value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
            return text.isBlank() ? Optional.empty() : Optional.of(text);
        }
        return Optional.empty();
    }
}
