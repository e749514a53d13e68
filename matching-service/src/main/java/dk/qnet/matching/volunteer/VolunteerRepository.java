package dk.qnet.matching.volunteer;

import dk.qnet.matching.engine.VolunteerProfile;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The volunteers. */
@ApplicationScoped
public class VolunteerRepository implements PanacheRepositoryBase<Volunteer, UUID> {

    /** An administrator's list is bounded all the same. */
    static final int MAX_LISTED = 5000;
    private static final Sort BY_NETWORK_AND_NAME = Sort.by("networkId").and("firstName").and("id");
    private static final Sort BY_NAME = Sort.by("firstName").and("id");

    public Optional<Volunteer> findLocked(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A page of every network's volunteers. */
    public List<Volunteer> page(int offset, int size) {
        return findAll(BY_NETWORK_AND_NAME).range(offset, offset + size - 1).list();
    }

    /** A page of one network's volunteers. */
    public List<Volunteer> pageIn(String networkId, int offset, int size) {
        return find("networkId", BY_NETWORK_AND_NAME, networkId).range(offset, offset + size - 1).list();
    }

    public long countIn(String networkId) {
        return count("networkId", networkId);
    }

    public List<Volunteer> all() {
        return findAll(BY_NETWORK_AND_NAME).range(0, MAX_LISTED - 1).list();
    }

    public List<Volunteer> allIn(String networkId) {
        return list("networkId", BY_NAME, networkId);
    }

    /** Who may be proposed: approved or active, of the network or living in one of these municipalities. */
    public List<Volunteer> availableFor(String networkId, Collection<String> municipalityCodes) {
        return list("status in :statuses and (networkId = :n or municipalityCode in :codes)",
                Parameters.with("statuses", List.of(VolunteerProfile.Status.APPROVED, VolunteerProfile.Status.ACTIVE))
                        .and("n", networkId).and("codes", municipalityCodes));
    }
}
