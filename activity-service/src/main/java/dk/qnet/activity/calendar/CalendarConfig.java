package dk.qnet.activity.calendar;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "qnet.calendar")
public interface CalendarConfig {

    /**
     * The public https address the feed links start with, such as {@code https://qnet.example.org}.
     * Required behind a TLS-terminating ingress (the manifests set it): without it the link is built
     * from the request, which locally is plain http on 127.0.0.1.
     */
    Optional<String> publicBaseUrl();

    /** How long a calendar link works; a coordinator makes a new one before it runs out. */
    @WithDefault("P180D")
    Duration linkLifetime();
}
