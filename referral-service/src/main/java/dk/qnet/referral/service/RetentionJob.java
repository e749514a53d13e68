package dk.qnet.referral.service;

import dk.qnet.platform.time.SuiteClock;
import dk.qnet.referral.config.ReferralConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Erases personal data a configurable time after a referral reaches a final status; closes and
 * erases referrals nobody decided on; forgets idempotency keys after their replay window.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);
    /** At most this many referrals a pass; the next pass takes the rest. */
    private static final int BATCH = 10_000;

    private final ReferralRepository referralsInStore;
    private final IdempotencyKeys idempotencyKeys;
    private final ReferralService referrals;
    private final ReferralConfig config;
    private final SuiteClock clock;

    public RetentionJob(ReferralRepository referralsInStore, IdempotencyKeys idempotencyKeys, ReferralService referrals, ReferralConfig config,
                        SuiteClock clock) {
        this.referralsInStore = referralsInStore;
        this.idempotencyKeys = idempotencyKeys;
        this.referrals = referrals;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${qnet.referrals.retention-check-interval:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        Instant now = clock.now();
        eraseExpired(now);
        closeUndecided(now);
        purgeIdempotencyKeys(now);
    }

    /** Closes and erases every referral still RECEIVED longer than the undecided retention; returns how many. */
    public int closeUndecided(Instant now) {
        Instant receivedBefore = now.minus(config.undecidedRetention());
        List<UUID> ids = referralsInStore.undecidedSince(receivedBefore, BATCH);
        return each(ids, id -> referrals.closeIfUndecided(id, receivedBefore), "closed and erased %d referral(s) nobody decided on");
    }

    /** Deletes the idempotency keys older than their replay window; returns how many. */
    @Transactional
    public int purgeIdempotencyKeys(Instant now) {
        return idempotencyKeys.purgeBefore(now.minus(config.idempotencyWindow()));
    }

    /** Erases every referral final for longer than the retention time at {@code now}; returns how many. */
    public int eraseExpired(Instant now) {
        Instant finalBefore = now.minus(config.retentionAfterFinal());
        return each(expired(finalBefore), id -> referrals.eraseIfExpired(id, finalBefore), "erased the personal data of %d referral(s)");
    }

    /** Runs the step for each referral in its own transaction, so a failure leaves the others done; counts those it did. */
    private static int each(List<UUID> ids, java.util.function.Predicate<UUID> step, String done) {
        int count = 0;
        for (UUID id : ids) {
            if (step.test(id)) {
                count++;
            }
        }
        if (count > 0) {
            LOG.infof("Retention " + done, count);
        }
        return count;
    }

    @Transactional
    List<UUID> expired(Instant finalBefore) {
        return referralsInStore.finalSince(finalBefore, BATCH);
    }
}
