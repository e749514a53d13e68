package dk.qnet.matching.match;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Pairs never to propose again: declined, or ended as not a good fit. A pair is a fact without
 * an identity of its own, so this repository speaks SQL ({@code on conflict do nothing} makes
 * recording it twice harmless).
 */
@ApplicationScoped
public class ExcludedPairs {

    private final EntityManager em;

    public ExcludedPairs(EntityManager em) {
        this.em = em;
    }

    public void exclude(UUID referralId, UUID volunteerId) {
        em.createNativeQuery("insert into excluded_pair (referral_id, volunteer_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, referralId).setParameter(2, volunteerId).executeUpdate();
    }

    public Set<UUID> volunteersExcludedFor(UUID referralId) {
        @SuppressWarnings("unchecked")
        List<UUID> volunteers = em.createNativeQuery("select volunteer_id from excluded_pair where referral_id = ?1")
                .setParameter(1, referralId).getResultList();
        return Set.copyOf(volunteers);
    }

    /** For each of these women, the volunteers never to propose to her. */
    public Map<UUID, Set<UUID>> volunteersExcludedFor(List<UUID> referralIds) {
        Map<UUID, Set<UUID>> excluded = new HashMap<>();
        if (referralIds.isEmpty()) {
            return excluded;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> pairs = em.createNativeQuery("select referral_id, volunteer_id from excluded_pair where referral_id = any(?1)")
                .setParameter(1, referralIds.toArray(UUID[]::new)).getResultList();
        pairs.forEach(p -> excluded.computeIfAbsent((UUID) p[0], k -> new HashSet<>()).add((UUID) p[1]));
        return excluded;
    }

    /** Erasure: nothing about her pairs stays. */
    public void forget(UUID referralId) {
        em.createNativeQuery("delete from excluded_pair where referral_id = ?1").setParameter(1, referralId).executeUpdate();
    }
}
