package dk.qnet.matching.waiting;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The matching pool. */
@ApplicationScoped
public class WaitingReferralRepository implements PanacheRepositoryBase<WaitingReferral, UUID> {

    public Optional<WaitingReferral> findLocked(UUID referralId) {
        return findByIdOptional(referralId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The network's accepted women without a volunteer: whom a matching run proposes for. */
    public List<WaitingReferral> readyIn(String networkId) {
        return list("networkId = ?1 and status = ?2", networkId, PoolStatus.READY);
    }
}
