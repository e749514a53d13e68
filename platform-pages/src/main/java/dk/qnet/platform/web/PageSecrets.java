package dk.qnet.platform.web;

import io.smallrye.config.ConfigMapping;

/**
 * The page client's secret and the session cookie's encryption key. Both are required: a service
 * started without them stops at once, naming the missing variable ({@code QNET_WEB_CLIENT_SECRET},
 * {@code QNET_SESSION_ENCRYPTION_SECRET}). The OIDC settings take their values from here, because
 * an optional OIDC setting whose variable is missing is silently left empty.
 */
@ConfigMapping(prefix = "qnet.web")
public interface PageSecrets {

    String clientSecret();

    String sessionEncryptionSecret();

    /** Whether the session and CSRF cookies are Secure (https only): false only on the laptop's http. */
    boolean secureCookies();

    /**
     * Makes the mapping required in every service: a mapping nobody injects is never checked.
     * SmallRye checks it when the configuration is read, before the database or Kafka is touched.
     */
    @jakarta.enterprise.context.ApplicationScoped
    class RequiredAtStart {
        void atStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent started, PageSecrets secrets) {
            // The check happened when the mapping was built; nothing is logged, they are secrets.
        }
    }
}
