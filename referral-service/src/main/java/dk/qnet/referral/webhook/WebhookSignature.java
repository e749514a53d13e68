package dk.qnet.referral.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature (standardwebhooks.com), so a receiver can verify a delivery
 * with one of that convention's ready-made libraries and drop a duplicate by its id:
 * <ul>
 * <li>{@code webhook-id}: the delivery's id, the same on every retry of it;</li>
 * <li>{@code webhook-timestamp}: epoch seconds of this attempt, so a receiver can refuse replays;</li>
 * <li>{@code webhook-signature}: {@code v1,} and the base64 of HMAC-SHA256 over
 * {@code <id>.<timestamp>.<body>}, keyed by the secret's bytes.</li>
 * </ul>
 * A secret is {@code whsec_} and the base64 of 32 random bytes; the key is those bytes. A secret
 * issued before this convention (hex, without the prefix) keys with its UTF-8 bytes until the
 * organisation registers again.
 */
public final class WebhookSignature {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    public static final String SECRET_PREFIX = "whsec_";

    private WebhookSignature() {
    }

    /** A new secret in the convention's form, from random bytes. */
    public static String secretOf(byte[] random) {
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(random);
    }

    /** The webhook-id of a delivery. */
    public static String idOf(long deliveryId) {
        return "msg_qnet_" + deliveryId;
    }

    public static String sign(String secret, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keyOf(secret), "HmacSHA256"));
            byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] keyOf(String secret) {
        return secret.startsWith(SECRET_PREFIX)
                ? Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()))
                : secret.getBytes(StandardCharsets.UTF_8);
    }
}
