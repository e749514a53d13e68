package dk.qnet.matching.proposal;

import dk.qnet.matching.MatchingConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
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

    private final EntityManager em;
    private final MatchingRunService runs;
    private final MatchingConfig config;

    public AutomaticRuns(EntityManager em, MatchingRunService runs, MatchingConfig config) {
        this.em = em;
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
        @SuppressWarnings("unchecked")
        List<String> due = em.createNativeQuery(
                "select network_id from matching_due order by due_since, network_id limit 1 for update skip locked").getResultList();
        if (due.isEmpty()) {
            return false;
        }
        int open = runs.runFor(due.get(0));
        LOG.debugf("automatic matching run for %s: %d open proposals", due.get(0), open);
        return true;
    }
}
