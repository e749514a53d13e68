package dk.qnet.referral.crypto;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "qnet.crypto")
public interface CryptoConfig {

    /** The master key that wraps every data key: 32 random bytes, base64. A secret in production. */
    String masterKey();

    /** Names the master key, so a rotation can tell old wrappings from new. */
    @WithDefault("master-1")
    String masterKeyId();
}
