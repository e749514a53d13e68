package dk.qnet.activity.service;

import dk.qnet.activity.Registration;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The registrations for activities, in the order people came (queuedAt). */
@ApplicationScoped
public class RegistrationRepository implements PanacheRepositoryBase<Registration, UUID> {

    private static final Sort IN_QUEUE_ORDER = Sort.by("queuedAt");

    /** Stores the registration and reads back the place in the queue the database gave it (queuedAt). */
    public Registration add(Registration r) {
        persist(r);
        flush();
        getEntityManager().refresh(r);
        return r;
    }

    public List<Registration> of(UUID activityId) {
        return list("activityId", IN_QUEUE_ORDER, activityId);
    }

    public List<Registration> waitingFor(UUID activityId) {
        return list("activityId = :a and state = :s", IN_QUEUE_ORDER,
                Parameters.with("a", activityId).and("s", Registration.State.WAITLISTED));
    }

    /** Who to tell when the activity is cancelled: everyone not already cancelled. */
    public List<UUID> notCancelledOf(UUID activityId) {
        return list("activityId = :a and state <> :c", IN_QUEUE_ORDER,
                Parameters.with("a", activityId).and("c", Registration.State.CANCELLED)).stream().map(r -> r.id).toList();
    }

    /** Whether the woman (by referral) or the volunteer is registered for the activity and has not cancelled. */
    public boolean isRegistered(UUID activityId, UUID referralId, UUID volunteerId) {
        Parameters params = Parameters.with("a", activityId).and("c", Registration.State.CANCELLED);
        if (referralId != null && count("activityId = :a and referralId = :p and state <> :c", params.and("p", referralId)) > 0) {
            return true;
        }
        return volunteerId != null && count("activityId = :a and volunteerId = :p and state <> :c",
                Parameters.with("a", activityId).and("c", Registration.State.CANCELLED).and("p", volunteerId)) > 0;
    }

    /** The heads of the confirmed registrations: women, children and volunteers together. */
    public int confirmedHeads(UUID activityId) {
        Object heads = getEntityManager().createQuery(
                        "select sum(r.women + r.children + r.volunteers) from Registration r where r.activityId = :a and r.state = :s")
                .setParameter("a", activityId).setParameter("s", Registration.State.CONFIRMED).getSingleResult();
        return heads == null ? 0 : ((Number) heads).intValue();
    }

    /** Erasure: the woman's registrations become head counts; the counts stay right. */
    public int anonymise(UUID referralId) {
        return update("referralId = null, kind = :anonymous where referralId = :r",
                Parameters.with("anonymous", Registration.Kind.ANONYMOUS).and("r", referralId));
    }
}
