package dk.qnet.platform.security;

import dk.qnet.platform.time.SuiteClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens of the API, verified once and then known until they expire. A case system or a
 * page calls with the same token many times in its few minutes of life; OIDC would check its RSA
 * signature and every claim again on each call (a fifth of the intake's CPU, BENCHMARKS.md). Here
 * a token that OIDC accepted is kept, keyed by its SHA-256, with the identity OIDC made of it, until
 * its {@code exp}; a later call with exactly the same token gets that identity without a second
 * verification. Nothing changes in what is accepted: a token is only ever kept after OIDC accepted
 * it, and a bearer token can't be revoked before it expires anyway (it is verified locally).
 *
 * <p>Only the API's default tenant is served from memory ({@code /api/} paths and identities of
 * the tenant {@code Default}); the pages' login and everything else go to OIDC every time. The
 * cache holds at most {@code qnet.security.verified-tokens.max-size} tokens; expired ones are
 * dropped when it is full, and if it is still full it starts over; 0 keeps none (every call is
 * verified, as before; the benchmark's baseline).
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    static final String DEFAULT_TENANT = "Default";
    private static final String TENANT_ATTRIBUTE = "tenant-id";

    record Verified(SecurityIdentity identity, Instant expiresAt) {
    }

    private final OidcIdentityProvider oidc;
    private final SuiteClock clock;
    private final int maxSize;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Counter reused;

    public VerifiedTokens(OidcIdentityProvider oidc, SuiteClock clock, MeterRegistry registry,
                          @ConfigProperty(name = "qnet.security.verified-tokens.max-size", defaultValue = "10000") int maxSize) {
        this.oidc = oidc;
        this.clock = clock;
        this.maxSize = maxSize;
        this.reused = Counter.builder("qnet.tokens.reused")
                .description("API calls whose bearer token was verified by an earlier call and is not yet expired").register(registry);
        Gauge.builder("qnet.tokens.known", verified, Map::size).description("Verified bearer tokens kept until they expire").register(registry);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before OIDC's own provider (1001), which stays the one that verifies. */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (!(request.getToken() instanceof AccessTokenCredential) || http == null || !http.normalizedPath().startsWith("/api/")) {
            return oidc.authenticate(request, context);
        }
        String key = sha256(request.getToken().getToken());
        Verified known = verified.get(key);
        Instant now = clock.now();
        if (known != null && now.isBefore(known.expiresAt())) {
            reused.increment();
            return Uni.createFrom().item(forThisRequest(known.identity(), http, context));
        }
        if (known != null) {
            verified.remove(key, known);
        }
        return oidc.authenticate(request, context).invoke(identity -> remember(key, identity, now));
    }

    /** The identity as OIDC made it, with this request's context in place of the first one's. */
    private static SecurityIdentity forThisRequest(SecurityIdentity identity, RoutingContext http, AuthenticationRequestContext context) {
        return QuarkusSecurityIdentity.builder(identity)
                .addAttribute(RoutingContext.class.getName(), http)
                .addAttribute(AuthenticationRequestContext.class.getName(), context)
                .build();
    }

    void remember(String key, SecurityIdentity identity, Instant now) {
        if (maxSize <= 0 || identity == null || identity.isAnonymous() || !DEFAULT_TENANT.equals(identity.getAttribute(TENANT_ATTRIBUTE))
                || !(identity.getPrincipal() instanceof JsonWebToken token) || token.getExpirationTime() <= 0) {
            return;
        }
        Instant expiresAt = Instant.ofEpochSecond(token.getExpirationTime());
        if (!now.isBefore(expiresAt)) {
            return;
        }
        if (verified.size() >= maxSize) {
            verified.values().removeIf(v -> !now.isBefore(v.expiresAt()));
            if (verified.size() >= maxSize) {
                verified.clear();
            }
        }
        verified.put(key, new Verified(identity, expiresAt));
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
