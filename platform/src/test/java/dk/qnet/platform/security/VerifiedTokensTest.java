package dk.qnet.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.time.Instant;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/** What is kept, and for how long. The reuse itself is tested through real OIDC in referral-service (ReferralIntakeTest). */
class VerifiedTokensTest {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    static SecurityIdentity identity(String tenant, Instant expiresAt) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("someone");
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        return QuarkusSecurityIdentity.builder().setPrincipal(new DefaultJWTCallerPrincipal(claims))
                .addAttribute("tenant-id", tenant).build();
    }

    double known() {
        return registry.get("qnet.tokens.known").gauge().value();
    }

    @Test
    void anIdentityOfTheApiTenantIsKeptUntilItsTokenExpires() {
        VerifiedTokens tokens = new VerifiedTokens(null, null, registry, 10);
        tokens.remember("a", identity(VerifiedTokens.DEFAULT_TENANT, NOW.plusSeconds(300)), NOW);
        assertEquals(1, known());
    }

    @Test
    void anExpiredTokenTheWebTenantAndAnAnonymousCallerAreNeverKept() {
        VerifiedTokens tokens = new VerifiedTokens(null, null, registry, 10);
        tokens.remember("expired", identity(VerifiedTokens.DEFAULT_TENANT, NOW), NOW);
        tokens.remember("web", identity("web", NOW.plusSeconds(300)), NOW);
        tokens.remember("anonymous", QuarkusSecurityIdentity.builder().setAnonymous(true).build(), NOW);
        tokens.remember("none", null, NOW);
        assertEquals(0, known());
    }

    @Test
    void aFullCacheDropsExpiredTokensFirstAndStartsOverIfThatIsNotEnough() {
        VerifiedTokens tokens = new VerifiedTokens(null, null, registry, 2);
        tokens.remember("a", identity(VerifiedTokens.DEFAULT_TENANT, NOW.plusSeconds(10)), NOW);
        tokens.remember("b", identity(VerifiedTokens.DEFAULT_TENANT, NOW.plusSeconds(300)), NOW);
        Instant later = NOW.plusSeconds(60);
        tokens.remember("c", identity(VerifiedTokens.DEFAULT_TENANT, later.plusSeconds(300)), later);
        assertEquals(2, known(), "a expired and made room");
        tokens.remember("d", identity(VerifiedTokens.DEFAULT_TENANT, later.plusSeconds(300)), later);
        assertEquals(1, known(), "nothing had expired: it started over with d");
    }

    @Test
    void aSizeOfZeroKeepsNothing() {
        new VerifiedTokens(null, null, registry, 0).remember("a", identity(VerifiedTokens.DEFAULT_TENANT, NOW.plusSeconds(300)), NOW);
        assertEquals(0, known());
    }

    @Test
    void theKeyIsTheTokensSha256() {
        assertEquals(64, VerifiedTokens.sha256("x.y.z").length());
        assertNotEquals(VerifiedTokens.sha256("x.y.z"), VerifiedTokens.sha256("x.y.Z"));
    }
}
