package dk.qnet.statistics.aggregate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Raises the version of the published figures once in each transaction that changes an
 * aggregate, in that transaction: a reader that sees the new version also sees the change. The
 * version is the sum of sixteen counters; each consumer thread raises its own slot, so
 * consumers of different topics don't queue for one row lock.
 */
@ApplicationScoped
public class Changes {

    private static final String RAISED = Changes.class.getName() + ".raised";
    private static final int SLOTS = 16;

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transaction;

    public Changes(EntityManager em, TransactionSynchronizationRegistry transaction) {
        this.em = em;
        this.transaction = transaction;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void touch() {
        if (transaction.getResource(RAISED) != null) {
            return;
        }
        em.createNativeQuery("update aggregate_version set version = version + 1 where slot = ?1")
                .setParameter(1, Math.floorMod(Thread.currentThread().getId(), SLOTS)).executeUpdate();
        transaction.putResource(RAISED, Boolean.TRUE);
    }
}
