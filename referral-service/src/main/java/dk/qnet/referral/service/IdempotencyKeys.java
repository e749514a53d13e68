package dk.qnet.referral.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;

/**
 * A sender's Idempotency-Key, the keyed hash of the request it came with and the referral it
 * made. Claiming is one insert ({@code on conflict do nothing}): a concurrent request with the same
 * key waits on that row and then finds it, so two retries racing each other make one referral.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** The request a key was first used with, and the referral it made. */
    public record Earlier(String requestHash, UUID referralId) {
    }

    private final EntityManager em;

    public IdempotencyKeys(EntityManager em) {
        this.em = em;
    }

    /** @return true when the key is new and now names the referral about to be made */
    public boolean claim(String orgId, String key, String requestHash, UUID referralId) {
        return em.createNativeQuery("""
                insert into idempotency_key (sender_org_id, key, request_hash, referral_id, created_at)
                values (?1, ?2, ?3, ?4, now()) on conflict do nothing
                """).setParameter(1, orgId).setParameter(2, key).setParameter(3, requestHash).setParameter(4, referralId)
                .executeUpdate() == 1;
    }

    public Earlier earlier(String orgId, String key) {
        Object[] row = (Object[]) em.createNativeQuery("select request_hash, referral_id from idempotency_key where sender_org_id = ?1 and key = ?2")
                .setParameter(1, orgId).setParameter(2, key).getSingleResult();
        return new Earlier((String) row[0], (UUID) row[1]);
    }

    /** Erasure: no key leads back to her referral. */
    public void forget(UUID referralId) {
        em.createNativeQuery("delete from idempotency_key where referral_id = ?1").setParameter(1, referralId).executeUpdate();
    }

    /** @return how many keys older than the instant were deleted */
    public int purgeBefore(Instant before) {
        return em.createNativeQuery("delete from idempotency_key where created_at < ?1").setParameter(1, before).executeUpdate();
    }
}
