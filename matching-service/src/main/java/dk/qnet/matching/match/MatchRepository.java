package dk.qnet.matching.match;

import dk.qnet.matching.engine.Explanation;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Matches, in Panache's repository style. */
@ApplicationScoped
public class MatchRepository implements PanacheRepositoryBase<Match, UUID> {

    /** The statuses that hold a place in a volunteer's capacity. */
    static final Set<MatchStatus> OPEN = EnumSet.of(MatchStatus.OFFERED, MatchStatus.ACCEPTED, MatchStatus.ACTIVE);

    private static final Sort NEWEST_FIRST = Sort.descending("offeredAt").and("id");

    public Optional<Match> findLocked(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The referral's open matches, locked. */
    public List<Match> openFor(UUID referralId) {
        return find("referralId = :r and status in :open", Parameters.with("r", referralId).and("open", OPEN))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** A page of the network's matches, newest first. */
    public List<Match> pageIn(String networkId, int offset, int size) {
        return find("networkId", NEWEST_FIRST, networkId).range(offset, offset + size - 1).list();
    }

    public long countIn(String networkId) {
        return count("networkId", networkId);
    }

    /** Every match of the network, newest first (the coordinator's board). */
    public List<Match> allIn(String networkId) {
        return list("networkId", NEWEST_FIRST, networkId);
    }

    /** How many open matches each volunteer with any has. */
    public Map<UUID, Integer> openCountsByVolunteer() {
        Map<UUID, Integer> counts = new HashMap<>();
        getEntityManager().createQuery("select m.volunteerId, count(m) from Match m where m.status in :open group by m.volunteerId",
                        Object[].class).setParameter("open", OPEN).getResultList()
                .forEach(row -> counts.put((UUID) row[0], ((Number) row[1]).intValue()));
        return counts;
    }

    public int openCountOf(UUID volunteerId) {
        return (int) count("volunteerId = :v and status in :open", Parameters.with("v", volunteerId).and("open", OPEN));
    }

    /**
     * After erasure: her matches keep only what volunteers' counts need, under a fresh random id
     * that no other service knows, without her consent or the pair's explanation.
     */
    public void forget(UUID referralId) {
        update("referralId = :fresh, statisticsConsent = false, explanation = :none where referralId = :r",
                Parameters.with("fresh", UUID.randomUUID()).and("none", new Explanation(0, List.of(), List.of())).and("r", referralId));
    }
}
