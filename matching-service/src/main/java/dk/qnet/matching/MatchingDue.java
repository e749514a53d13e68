package dk.qnet.matching;

import dk.qnet.contracts.Municipalities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Marks networks whose proposals are out of date, in the transaction of the change that made
 * them so. {@link AutomaticRuns} picks them up.
 */
@ApplicationScoped
public class MatchingDue {

    private final EntityManager em;

    public MatchingDue(EntityManager em) {
        this.em = em;
    }

    /** A woman of this network became ready for a volunteer. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void network(String networkId) {
        if (networkId != null) {
            em.createNativeQuery("insert into matching_due (network_id, due_since) values (?1, now()) on conflict do nothing")
                    .setParameter(1, networkId).executeUpdate();
        }
    }

    /**
     * A volunteer changed (or got room): her own network, and every network with a ready woman in
     * her region, since neighbouring networks may propose her too.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void volunteer(String networkId, String municipalityCode) {
        network(networkId);
        String region = Municipalities.regionOf(municipalityCode).orElse(null);
        if (region == null) {
            return;
        }
        List<String> codes = Municipalities.all().keySet().stream()
                .filter(code -> region.equals(Municipalities.regionOf(code).orElse(null))).toList();
        em.createNativeQuery("""
                insert into matching_due (network_id, due_since)
                select distinct network_id, now() from waiting_referral
                where status = 'READY' and network_id is not null and municipality_code = any(?1)
                on conflict do nothing
                """).setParameter(1, codes.toArray(String[]::new)).executeUpdate();
    }

    /** Serialises the runs of one network across instances, until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockRunOf(String networkId) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(?1))) locked")
                .setParameter(1, "matching-run:" + networkId).getResultList();
    }

    /** The run is done: the network's proposals are up to date. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void done(String networkId) {
        em.createNativeQuery("delete from matching_due where network_id = ?1").setParameter(1, networkId).executeUpdate();
    }

    /**
     * Claims the network due longest, skipping those another instance holds.
     *
     * @return the network, locked until the transaction ends
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> claimOldest() {
        @SuppressWarnings("unchecked")
        List<String> due = em.createNativeQuery(
                "select network_id from matching_due order by due_since, network_id limit 1 for update skip locked").getResultList();
        return due.stream().findFirst();
    }
}
