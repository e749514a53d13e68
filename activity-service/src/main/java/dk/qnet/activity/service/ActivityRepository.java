package dk.qnet.activity.service;

import dk.qnet.activity.Activity;
import dk.qnet.activity.ActivityStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

/** The activities. */
@ApplicationScoped
public class ActivityRepository implements PanacheRepositoryBase<Activity, UUID> {

    private static final Sort SOONEST_FIRST = Sort.by("startsAt").and("id");

    public Optional<Activity> findLocked(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The activities of a network (every network's where it is null) in a status (any where null),
     * soonest first.
     */
    public PanacheQuery<Activity> in(String networkId, ActivityStatus status) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (networkId != null) {
            where.append(" and networkId = :network");
            params.and("network", networkId);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        return find(where.toString(), SOONEST_FIRST, params);
    }
}
