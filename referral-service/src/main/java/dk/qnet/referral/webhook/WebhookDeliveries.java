package dk.qnet.referral.webhook;

import dk.qnet.platform.persistence.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The deliveries queued for organisations' webhooks. Claiming is one statement that pushes the
 * next attempt two minutes out for rows no other instance holds ({@code for update skip locked}),
 * so instances share the work and a crash only delays a delivery.
 */
@ApplicationScoped
public class WebhookDeliveries {

    /** A claimed delivery with its subscription's address and sealed secret. */
    record Claimed(long id, String orgId, UUID referralId, String event, String status, Instant changedAt, int attempts, String url,
                   String masterKeyId, byte[] wrappedKey, byte[] sealedSecret) {
    }

    /** The most deliveries one pass claims. */
    static final int BATCH = 50;

    private final EntityManager em;

    public WebhookDeliveries(EntityManager em) {
        this.em = em;
    }

    List<Claimed> claimDue() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                update webhook_delivery d set next_attempt_at = now() + interval '2 minutes'
                from webhook_subscription s
                where d.id in (select id from webhook_delivery
                               where delivered_at is null and failed_at is null and next_attempt_at <= now()
                               order by id limit ?1 for update skip locked)
                  and s.org_id = d.org_id
                returning d.id, d.org_id, d.referral_id, d.event, d.status, d.changed_at, d.attempts, s.url, s.master_key_id, s.wrapped_key,
                          s.sealed_secret
                """).setParameter(1, BATCH).getResultList();
        return rows.stream().map(r -> new Claimed(((Number) r[0]).longValue(), (String) r[1], (UUID) r[2], (String) r[3], (String) r[4],
                SqlValues.instant(r[5]), ((Number) r[6]).intValue(), (String) r[7], (String) r[8], (byte[]) r[9], (byte[]) r[10])).toList();
    }

    void delivered(long id, int attempts) {
        em.createNativeQuery("update webhook_delivery set delivered_at = now(), attempts = ?2, last_error = null where id = ?1")
                .setParameter(1, id).setParameter(2, attempts).executeUpdate();
    }

    void givenUp(long id, int attempts, DeliveryError error) {
        em.createNativeQuery("update webhook_delivery set failed_at = now(), attempts = ?2, last_error = ?3 where id = ?1")
                .setParameter(1, id).setParameter(2, attempts).setParameter(3, error.name()).executeUpdate();
    }

    void retryAt(long id, Instant next, int attempts, DeliveryError error) {
        em.createNativeQuery("update webhook_delivery set next_attempt_at = ?2, attempts = ?3, last_error = ?4 where id = ?1")
                .setParameter(1, id).setParameter(2, next).setParameter(3, attempts).setParameter(4, error.name()).executeUpdate();
    }

    /** Neither delivered nor given up. */
    long pending() {
        return ((Number) em.createNativeQuery("select count(*) from webhook_delivery where delivered_at is null and failed_at is null")
                .getSingleResult()).longValue();
    }
}
