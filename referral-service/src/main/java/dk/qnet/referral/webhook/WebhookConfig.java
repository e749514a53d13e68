package dk.qnet.referral.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "qnet.webhooks")
public interface WebhookConfig {

    /** After this many failed attempts a delivery is given up. */
    @WithDefault("10")
    int maxAttempts();

    /** The wait after the first failure; it doubles with each further failure, up to an hour. */
    @WithDefault("PT10S")
    Duration backoff();

    @WithDefault("PT5S")
    Duration timeout();

    /** Plain-http callback URLs are refused unless this is true (local runs and tests only). */
    @WithDefault("false")
    boolean allowInsecureHttp();

    /**
     * Callbacks to this machine's loopback address are refused unless this is true: for a
     * receiver beside ./qnet or a test. Private, link-local and internal addresses are always
     * refused. Production manifests never set it (deploy/checks).
     */
    @WithDefault("false")
    boolean allowLoopback();

    /** How often due deliveries are looked for (read by the scheduler). */
    @WithDefault("2s")
    String pollInterval();
}
