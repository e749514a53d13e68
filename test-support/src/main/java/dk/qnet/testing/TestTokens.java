package dk.qnet.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Bearer tokens signed with the key that {@link QnetInfrastructure} made the service trust,
 * shaped like Keycloak's: realm roles in {@code realm_access.roles}, tenant claims beside them.
 */
public final class TestTokens {

    public static final String ISSUER = "https://keycloak.test/realms/qnet";
    public static final String AUDIENCE = "qnet-api";

    private TestTokens() {
    }

    public static String shelter(String orgId) {
        return token("shelter", Map.of("org_id", orgId));
    }

    public static String adviser(String municipalityCode) {
        return token("adviser", Map.of("municipality_code", municipalityCode));
    }

    public static String coordinator(String networkId) {
        return token("coordinator", Map.of("network_id", networkId));
    }

    public static String analyst() {
        return token("analyst", Map.of());
    }

    public static String admin() {
        return token("admin", Map.of());
    }

    public static String token(String role, Map<String, Object> claims) {
        return builder(role, claims).sign(signingKey());
    }

    /** A token that expired an hour ago. */
    public static String expired(String role, Map<String, Object> claims) {
        return builder(role, claims)
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600))
                .sign(signingKey());
    }

    /** A well-formed token signed by a key the service does not know. */
    public static String signedByUnknownKey(String role, Map<String, Object> claims) {
        try {
            return builder(role, claims).sign(QnetInfrastructure.rsaKeyPair().getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static JwtClaimsBuilder builder(String role, Map<String, Object> claims) {
        JwtClaimsBuilder builder = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("test-" + role + "-" + UUID.randomUUID())
                .claim("realm_access", Map.of("roles", List.of(role)))
                .expiresIn(600);
        claims.forEach(builder::claim);
        return builder;
    }

    /** The key the service under test trusts, for tokens built by hand. */
    public static PrivateKey signingKeyForTests() {
        return signingKey();
    }

    private static PrivateKey signingKey() {
        String encoded = ConfigProvider.getConfig().getValue(QnetInfrastructure.SIGNING_KEY_PROPERTY, String.class);
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(encoded)));
        } catch (Exception e) {
            throw new IllegalStateException("The test signing key is unreadable", e);
        }
    }
}
