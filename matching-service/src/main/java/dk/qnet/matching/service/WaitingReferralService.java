package dk.qnet.matching.service;

import dk.qnet.contracts.referral.ReferralReceived;
import dk.qnet.matching.WaitingReferral;
import dk.qnet.platform.identity.CallerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class WaitingReferralService {

    private final EntityManager em;

    public WaitingReferralService(EntityManager em) {
        this.em = em;
    }

    /** Runs inside the consumer's inbox transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(ReferralReceived event) {
        if (em.find(WaitingReferral.class, event.referralId()) != null) {
            return;
        }
        WaitingReferral waiting = new WaitingReferral();
        waiting.referralId = event.referralId();
        waiting.municipalityCode = event.municipalityCode();
        waiting.networkId = event.networkId();
        waiting.childrenBirthYears = event.childrenBirthYears();
        waiting.receivedAt = event.receivedAt();
        waiting.waitingSince = event.receivedAt();
        em.persist(waiting);
    }

    /** Admin sees every waiting referral; a coordinator only those routed to her network. */
    @Transactional
    public Optional<WaitingReferral> findVisible(UUID referralId, CallerIdentity caller) {
        WaitingReferral waiting = em.find(WaitingReferral.class, referralId);
        if (waiting == null) {
            return Optional.empty();
        }
        if (caller.isAdmin()) {
            return Optional.of(waiting);
        }
        return caller.networkId().filter(n -> n.equals(waiting.networkId)).map(n -> waiting);
    }
}
