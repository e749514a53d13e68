package dk.qnet.referral.crypto;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The master keys. One is current: it wraps every new data key, and the re-wrap job moves every
 * older wrapping onto it. Retiring keys are still configured only so that rows not yet re-wrapped
 * can be read; once none is left (GET /api/v1/admin/master-keys), an operator removes the key
 * and destroys every copy of it. From then on, a backup that still holds rows wrapped by it
 * (such as a referral erased since) can no longer be read.
 */
@ConfigMapping(prefix = "qnet.crypto")
public interface CryptoConfig {

    /** The current master key: 32 random bytes, base64. A secret in production. */
    String masterKey();

    /** Names the current master key; stored with every wrapped key. */
    @WithDefault("master-1")
    String masterKeyId();

    /** Earlier master keys being retired, as {@code id:base64} pairs separated by commas. */
    Optional<String> retiringKeys();

    /** How many wrapped keys one pass of the re-wrap job moves onto the current master key. */
    @WithDefault("500")
    int rewrapBatch();

    /** How often the re-wrap job runs (read by the scheduler). */
    @WithDefault("1m")
    String rewrapInterval();
}
