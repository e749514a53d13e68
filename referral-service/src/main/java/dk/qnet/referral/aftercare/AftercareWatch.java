package dk.qnet.referral.aftercare;

import dk.qnet.platform.time.SuiteClock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Watches the aftercare windows: the warnings 30 and 14 days before a window ends, and the close
 * once its last day has passed. Each woman in her own transaction, so one failure leaves the rest
 * done; a pass that finds nothing costs one indexed query.
 */
@ApplicationScoped
public class AftercareWatch {

    private static final Logger LOG = Logger.getLogger(AftercareWatch.class);
    /** At most this many windows a pass; the next pass takes the rest. */
    static final int BATCH = 1_000;

    private final AftercareService aftercare;
    private final SuiteClock clock;

    public AftercareWatch(AftercareService aftercare, SuiteClock clock) {
        this.aftercare = aftercare;
        this.clock = clock;
    }

    @Scheduled(every = "${qnet.aftercare.watch-interval:1h}", delayed = "45s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        pass(clock.today());
    }

    /** One pass as on {@code today}; returns how many windows it looked at. */
    public int pass(LocalDate today) {
        int seen = 0;
        for (UUID id : aftercare.due(today, BATCH)) {
            try {
                aftercare.watch(id, today);
                seen++;
            } catch (RuntimeException e) {
                LOG.warnf("Aftercare watch: window %s not handled this pass (%s)", id, e.getClass().getSimpleName());
            }
        }
        return seen;
    }
}
