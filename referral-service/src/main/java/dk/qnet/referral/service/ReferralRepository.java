package dk.qnet.referral.service;

import dk.qnet.referral.Referral;
import dk.qnet.referral.ReferralStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The referrals (never their personal data: that is PersonalDataStore's, sealed). */
@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {

    public Optional<Referral> findLocked(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A page of the referrals that meet the conditions ({@code r.} names a referral's fields), newest first. */
    public List<Referral> page(String conditions, Map<String, Object> params, int offset, int size) {
        TypedQuery<Referral> query = getEntityManager().createQuery(
                "select r from Referral r" + where(conditions) + " order by r.receivedAt desc, r.id", Referral.class);
        params.forEach(query::setParameter);
        return query.setFirstResult(offset).setMaxResults(size).getResultList();
    }

    public long count(String conditions, Map<String, Object> params) {
        TypedQuery<Long> count = getEntityManager().createQuery("select count(r) from Referral r" + where(conditions), Long.class);
        params.forEach(count::setParameter);
        return count.getSingleResult();
    }

    /** Up to {@code limit} referrals still RECEIVED since before the instant. */
    public List<UUID> undecidedSince(Instant before, int limit) {
        return getEntityManager().createQuery("select r.id from Referral r where r.status = :received and r.receivedAt < :before", UUID.class)
                .setParameter("received", ReferralStatus.RECEIVED).setParameter("before", before).setMaxResults(limit).getResultList();
    }

    /** Up to {@code limit} referrals final since before the instant and not yet erased. */
    public List<UUID> finalSince(Instant before, int limit) {
        return getEntityManager().createQuery("select r.id from Referral r where r.erasedAt is null and r.finalAt < :before", UUID.class)
                .setParameter("before", before).setMaxResults(limit).getResultList();
    }

    private static String where(String conditions) {
        return conditions.isEmpty() ? "" : " where " + conditions;
    }
}
