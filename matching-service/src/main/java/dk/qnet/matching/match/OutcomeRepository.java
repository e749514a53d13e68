package dk.qnet.matching.match;

import dk.qnet.contracts.match.OutcomeRatings;
import dk.qnet.contracts.match.OutcomeTimepoint;
import dk.qnet.platform.persistence.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A woman's ratings per match and timepoint. The table's key is the match and the timepoint, so
 * {@code on conflict do nothing} tells a second recording apart in one round trip.
 */
@ApplicationScoped
public class OutcomeRepository {

    private final EntityManager em;

    public OutcomeRepository(EntityManager em) {
        this.em = em;
    }

    /** @return false when ratings for this timepoint are already recorded */
    public boolean add(UUID matchId, OutcomeTimepoint timepoint, OutcomeRatings r, Instant at) {
        return em.createNativeQuery("""
                insert into outcome (match_id, timepoint, network, community, health, economy, housing, job_education, safety, recorded_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) on conflict do nothing
                """).setParameter(1, matchId).setParameter(2, timepoint.name()).setParameter(3, r.network())
                .setParameter(4, r.community()).setParameter(5, r.health()).setParameter(6, r.economy())
                .setParameter(7, r.housing()).setParameter(8, r.jobEducation()).setParameter(9, r.safety())
                .setParameter(10, at).executeUpdate() == 1;
    }

    public List<OutcomeService.OutcomeView> of(UUID matchId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select timepoint, network, community, health, economy, housing, job_education, safety, recorded_at
                from outcome where match_id = ?1 order by recorded_at
                """).setParameter(1, matchId).getResultList();
        return rows.stream().map(r -> new OutcomeService.OutcomeView(OutcomeTimepoint.valueOf((String) r[0]),
                new OutcomeRatings(n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6]), n(r[7])), SqlValues.instant(r[8]))).toList();
    }

    /** Erasure: her ratings go. */
    public void forgetReferral(UUID referralId) {
        em.createNativeQuery("delete from outcome where match_id in (select id from match where referral_id = ?1)")
                .setParameter(1, referralId).executeUpdate();
    }

    private static int n(Object value) {
        return ((Number) value).intValue();
    }
}
