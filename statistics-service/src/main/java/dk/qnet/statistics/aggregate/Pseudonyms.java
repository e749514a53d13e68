package dk.qnet.statistics.aggregate;

import dk.qnet.statistics.StatisticsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The only stand-in for a person this service keeps: HMAC-SHA256 of the referral id under a
 * secret key. Without the key nobody can link it back to a referral id, and it differs from any
 * hash another system might keep.
 */
@ApplicationScoped
public class Pseudonyms {

    private final SecretKeySpec key;

    public Pseudonyms(StatisticsConfig config) {
        byte[] raw = Base64.getDecoder().decode(config.pseudonymKey().strip());
        if (raw.length < 32) {
            throw new IllegalStateException("qnet.statistics.pseudonym-key must be at least 32 bytes (base64)");
        }
        this.key = new SecretKeySpec(raw, "HmacSHA256");
    }

    public byte[] of(String kind, UUID id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((kind + ":" + id).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
