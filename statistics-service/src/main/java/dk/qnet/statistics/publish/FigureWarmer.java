package dk.qnet.statistics.publish;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Computes this year's national figures ahead of the readers once the aggregates have changed and
 * then stayed still for one tick, so the first dashboard call after a change seldom pays for the
 * suppression and its audit (up to seconds for a national cube of small counts, BENCHMARKS.md).
 * Waiting for a quiet tick keeps it out of the way of a burst of events. A reader who comes
 * before it still computes for herself: nothing older than the aggregates is ever served.
 */
@ApplicationScoped
public class FigureWarmer {

    private static final Logger LOG = Logger.getLogger(FigureWarmer.class);

    private final Reports reports;
    private final Figures figures;
    private final PublishedCache kept;
    private long lastSeen = -1;
    private long lastWarmed = -1;

    public FigureWarmer(Reports reports, Figures figures, PublishedCache kept) {
        this.reports = reports;
        this.figures = figures;
        this.kept = kept;
    }

    @Scheduled(every = "${qnet.statistics.warm-every:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            warmIfQuiet();
        } catch (RuntimeException e) {
            // Readers compute for themselves; a failed warm-up costs only time.
            LOG.warnf("Warming the figures failed: %s", e.getClass().getName());
        }
    }

    /** Warms the figures where the aggregates changed before the last tick and not since; whether it did. */
    @Transactional
    @ActivateRequestContext
    public synchronized boolean warmIfQuiet() {
        long version = kept.currentVersion();
        boolean quiet = version == lastSeen;
        lastSeen = version;
        if (!quiet || version == lastWarmed) {
            return false;
        }
        int year = figures.today().getYear();
        // The analysts' report reads every cube of the year, the public headline's among them.
        reports.detailed(new Filter(year, null, null, null, null, null));
        lastWarmed = version;
        return true;
    }
}
