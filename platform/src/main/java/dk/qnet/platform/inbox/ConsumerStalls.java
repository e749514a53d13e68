package dk.qnet.platform.inbox;

import dk.qnet.platform.time.SuiteClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Which event consumers are retrying a record that failed for a reason that may pass (the
 * database away, a lock timeout), and since when. Readiness is down while one is: the service
 * is behind and says so, instead of dead-lettering valid events.
 */
@ApplicationScoped
public class ConsumerStalls {

    static final String CHECK = "event consumers";

    private final Map<String, Instant> since = new ConcurrentHashMap<>();
    private final SuiteClock clock;

    public ConsumerStalls(SuiteClock clock) {
        this.clock = clock;
    }

    void stalled(String consumer) {
        since.putIfAbsent(consumer, clock.now());
    }

    void resumed(String consumer) {
        since.remove(consumer);
    }

    /** The consumers now retrying, each with when it began. */
    Map<String, Instant> now() {
        return Map.copyOf(since);
    }

    /** The readiness check: down, naming each stalled consumer and since when. */
    @Readiness
    @ApplicationScoped
    static class Check implements HealthCheck {

        private final ConsumerStalls stalls;

        Check(ConsumerStalls stalls) {
            this.stalls = stalls;
        }

        @Override
        public HealthCheckResponse call() {
            Map<String, Instant> stalled = stalls.now();
            HealthCheckResponseBuilder check = HealthCheckResponse.named(CHECK).status(stalled.isEmpty());
            stalled.forEach((consumer, from) -> check.withData(consumer, "retrying since " + from));
            return check.build();
        }
    }
}
