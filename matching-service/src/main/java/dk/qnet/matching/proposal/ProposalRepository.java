package dk.qnet.matching.proposal;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The engine's proposals. */
@ApplicationScoped
public class ProposalRepository implements PanacheRepositoryBase<Proposal, UUID> {

    /** An open proposal and the first name of the volunteer it proposes. */
    public record Named(Proposal proposal, String volunteerFirstName) {
    }

    public Optional<Proposal> findLocked(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The network's open proposals. */
    public List<Proposal> openIn(String networkId) {
        return list("networkId = ?1 and status = ?2", networkId, ProposalStatus.PROPOSED);
    }

    /** The network's open proposals with the volunteers' first names, best first. */
    public List<Named> openNamedIn(String networkId) {
        return getEntityManager().createQuery("""
                        select p, v.firstName from Proposal p, Volunteer v where v.id = p.volunteerId
                        and p.networkId = :n and p.status = :s order by p.score desc, p.referralId
                        """, Object[].class)
                .setParameter("n", networkId).setParameter("s", ProposalStatus.PROPOSED).getResultList().stream()
                .map(row -> new Named((Proposal) row[0], (String) row[1])).toList();
    }

    /** The woman's other open proposals go once one of hers is approved. */
    public void dropOpenFor(UUID referralId) {
        delete("referralId = ?1 and status = ?2", referralId, ProposalStatus.PROPOSED);
    }

    public void dropAll(Collection<Proposal> proposals) {
        proposals.forEach(this::delete);
    }
}
