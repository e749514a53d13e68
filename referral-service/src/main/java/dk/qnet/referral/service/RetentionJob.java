package dk.qnet.referral.service;

import dk.qnet.referral.config.ReferralConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Erases personal data a configurable time after a referral reaches a final status. */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final EntityManager em;
    private final ReferralService referrals;
    private final ReferralConfig config;

    public RetentionJob(EntityManager em, ReferralService referrals, ReferralConfig config) {
        this.em = em;
        this.referrals = referrals;
        this.config = config;
    }

    @Scheduled(every = "${qnet.referrals.retention-check-interval:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        eraseExpired(Instant.now());
    }

    /** Erases every referral final for longer than the retention time at {@code now}; returns how many. */
    public int eraseExpired(Instant now) {
        Instant finalBefore = now.minus(config.retentionAfterFinal());
        int erased = 0;
        for (UUID id : expired(finalBefore)) {
            // One transaction per referral: a failure leaves the others erased.
            if (referrals.eraseIfExpired(id, finalBefore)) {
                erased++;
            }
        }
        if (erased > 0) {
            LOG.infof("Retention erased the personal data of %d referral(s)", erased);
        }
        return erased;
    }

    @Transactional
    List<UUID> expired(Instant finalBefore) {
        return em.createQuery("select r.id from Referral r where r.erasedAt is null and r.finalAt < :before", UUID.class)
                .setParameter("before", finalBefore)
                .setMaxResults(10_000)
                .getResultList();
    }
}
