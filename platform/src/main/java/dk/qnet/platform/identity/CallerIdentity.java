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

    /**
     * A caller made in code, not from a request: one role and its claims as a token would carry
     * them (the subject is the claim {@code sub}). For work the service does on someone's behalf
     * (demo data) and for tests.
     */
    public static CallerIdentity of(String role, java.util.Map<String, String> claims) {
        JsonWebToken token = new JsonWebToken() {
            @Override
            public String getName() {
                return claims.get("sub");
            }

            @Override
            public java.util.Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
        return new CallerIdentity(io.quarkus.security.runtime.QuarkusSecurityIdentity.builder().setPrincipal(token).addRole(role).build());
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

    /** Whether the caller manages this network: an administrator, or the coordinator of that network. */
    public boolean managesNetwork(String networkId) {
        return isAdmin() || hasRole(Roles.COORDINATOR) && networkId != null && networkId().map(networkId::equals).orElse(false);
    }

    /** The role and tenant a caller acts as, as audit trails record them: admin first, then coordinator, shelter, adviser. */
    public record Tenant(String role, String id) {
    }

    public Tenant tenant() {
        if (isAdmin()) {
            return new Tenant(Roles.ADMIN, null);
        }
        if (hasRole(Roles.COORDINATOR)) {
            return new Tenant(Roles.COORDINATOR, networkId().orElse(null));
        }
        if (hasRole(Roles.SHELTER)) {
            return new Tenant(Roles.SHELTER, orgId().orElse(null));
        }
        if (hasRole(Roles.ADVISER)) {
            return new Tenant(Roles.ADVISER, municipalityCode().orElse(null));
        }
        return new Tenant("unknown", null);
    }

    /**
     * The caller's organisation as the sender of referrals: a shelter's {@code org_id}, or an
     * adviser's municipality ({@link Roles#municipalityAsSender}); empty for every other role.
     */
    public Optional<String> senderOrg() {
        if (hasRole(Roles.SHELTER)) {
            return orgId();
        }
        if (hasRole(Roles.ADVISER)) {
            return municipalityCode().map(Roles::municipalityAsSender);
        }
        return Optional.empty();
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
