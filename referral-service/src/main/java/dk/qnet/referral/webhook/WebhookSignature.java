package dk.qnet.referral.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a receiver checks: HMAC-SHA256 with the organisation's secret over
 * {@code <timestamp>.<body>}, sent as {@code X-Qnet-Signature: sha256=<hex>} beside
 * {@code X-Qnet-Timestamp: <epoch seconds>}. The timestamp lets a receiver refuse replays.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Qnet-Signature";
    public static final String TIMESTAMP_HEADER = "X-Qnet-Timestamp";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
