package dk.qnet.matching.waiting;

import dk.qnet.contracts.referral.ConsentScope;
import dk.qnet.contracts.referral.ReferralErased;
import dk.qnet.contracts.referral.ReferralReceived;
import dk.qnet.contracts.referral.ReferralStatusChanged;
import dk.qnet.matching.MatchingDue;
import dk.qnet.platform.identity.CallerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class WaitingReferralService {

    private final WaitingReferralRepository pool;
    private final MatchingDue due;

    public WaitingReferralService(WaitingReferralRepository pool, MatchingDue due) {
        this.pool = pool;
        this.due = due;
    }

    /** Runs inside the consumer's inbox transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(ReferralReceived event) {
        if (pool.findById(event.referralId()) != null) {
            return;
        }
        WaitingReferral waiting = new WaitingReferral();
        waiting.referralId = event.referralId();
        waiting.municipalityCode = event.municipalityCode();
        waiting.networkId = event.networkId();
        waiting.childrenBirthYears = event.childrenBirthYears();
        waiting.receivedAt = event.receivedAt();
        waiting.waitingSince = event.receivedAt();
        waiting.matching = event.matching();
        waiting.statisticsConsent = event.consentScopes().contains(ConsentScope.STATISTICS);
        waiting.status = PoolStatus.WAITING;
        pool.persist(waiting);
    }

    /** Follows the referral's status: only accepted, unmatched women are in the pool. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(ReferralStatusChanged event) {
        WaitingReferral waiting = pool.findById(event.referralId());
        if (waiting == null) {
            return;
        }
        switch (event.status()) {
            case ACCEPTED -> {
                waiting.status = PoolStatus.READY;
                due.network(waiting.networkId);
            }
            case WAITLISTED -> {
                waiting.status = PoolStatus.READY;
                waiting.waitlistPriority = true;
                waiting.waitingSince = event.changedAt();
                due.network(waiting.networkId);
            }
            case MATCHED, ACTIVE -> waiting.status = PoolStatus.MATCHED;
            case REJECTED, WITHDRAWN, CLOSED, COMPLETED -> pool.delete(waiting);
            default -> {
                // RECEIVED, and UNKNOWN (a status newer than this consumer), change nothing here.
            }
        }
    }

    /** Erasure: nothing about the referral stays here; its proposals go with it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erased(ReferralErased event) {
        WaitingReferral waiting = pool.findById(event.referralId());
        if (waiting != null) {
            pool.delete(waiting);
        }
    }

    /** Admin sees every waiting referral; a coordinator only those routed to her network. */
    @Transactional
    public Optional<WaitingReferral> findVisible(UUID referralId, CallerIdentity caller) {
        WaitingReferral waiting = pool.findById(referralId);
        if (waiting == null) {
            return Optional.empty();
        }
        if (caller.isAdmin()) {
            return Optional.of(waiting);
        }
        return caller.networkId().filter(n -> n.equals(waiting.networkId)).map(n -> waiting);
    }
}
