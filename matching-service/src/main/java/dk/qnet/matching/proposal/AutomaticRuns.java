package dk.qnet.matching.proposal;

import dk.qnet.matching.MatchingConfig;
import dk.qnet.matching.MatchingDue;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Runs the engine for every network marked due, one network per transaction. Rows are claimed
 * with SKIP LOCKED, so several instances share the work and never run one network twice at once.
 */
@ApplicationScoped
public class AutomaticRuns {

    private static final Logger LOG = Logger.getLogger(AutomaticRuns.class);
    /** An upper bound per tick, so one tick never holds the scheduler for long. */
    static final int MAX_NETWORKS_PER_TICK = 50;

    private final MatchingDue due;
    private final MatchingRunService runs;
    private final MatchingConfig config;

    public AutomaticRuns(MatchingDue due, MatchingRunService runs, MatchingConfig config) {
        this.due = due;
        this.runs = runs;
        this.config = config;
    }

    @Scheduled(every = "${qnet.matching.auto-run-interval:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!config.autoRun()) {
            return;
        }
        for (int i = 0; i < MAX_NETWORKS_PER_TICK; i++) {
            boolean ranOne;
            try {
                ranOne = QuarkusTransaction.requiringNew().call(this::runOneDue);
            } catch (RuntimeException e) {
                LOG.warnf("automatic matching run failed (%s); it stays due", e.getClass().getSimpleName());
                return;
            }
            if (!ranOne) {
                return;
            }
        }
    }

    /** Claims the oldest due network and runs it; false when none is due. */
    boolean runOneDue() {
        Optional<String> network = due.claimOldest();
        if (network.isEmpty()) {
            return false;
        }
        int open = runs.runFor(network.get());
        LOG.debugf("automatic matching run for %s: %d open proposals", network.get(), open);
        return true;
    }
}
