package dk.qnet.activity.service;

import dk.qnet.activity.Activity;
import dk.qnet.activity.Registration;
import dk.qnet.activity.service.RegistrationRequest;
import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.problem.ProblemException;
import dk.qnet.platform.time.SuiteClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Registrations, capacity and the waitlist. Every change locks the activity row first, so
 * registrations and cancellations of one activity happen one after another: two cancellations
 * that race still move each waiting person up exactly once, and capacity is never exceeded.
 */
@ApplicationScoped
public class RegistrationService {

    private final EntityManager em;
    private final ActivityValidator validator;
    private final ActivityService activities;
    private final KnownPeople known;
    private final SuiteClock clock;

    public RegistrationService(EntityManager em, ActivityService activities, KnownPeople known, ActivityValidator validator,
                               SuiteClock clock) {
        this.em = em;
        this.validator = validator;
        this.activities = activities;
        this.known = known;
        this.clock = clock;
    }

    @Transactional
    public Registration register(UUID activityId, RegistrationRequest request, CallerIdentity caller) {
        Activity a = ActivityService.planned(activities.lockVisible(activityId, caller));
        validator.registration(request);
        // Only a woman or a volunteer of this network, known from the events, in a status that allows it.
        if (request.kind() == Registration.Kind.WOMAN && !known.mayRegisterReferral(request.referralId(), a.networkId)) {
            throw ProblemException.invalid("referralId", "is not a referral of this network whose status and consent allow taking part "
                    + "(accepted, waitlisted, matched, active or completed); a new referral may take a few seconds to arrive");
        }
        if (request.kind() == Registration.Kind.VOLUNTEER && !known.mayRegisterVolunteer(request.volunteerId(), a.networkId)) {
            throw ProblemException.invalid("volunteerId", "is not an approved, active or paused volunteer of this network");
        }
        if (a.signupDeadline != null && clock.now().isAfter(a.signupDeadline)) {
            throw ProblemException.conflict("The sign-up deadline has passed.");
        }
        if (request.referralId() != null && active(activityId, "referralId", request.referralId())
                || request.volunteerId() != null && active(activityId, "volunteerId", request.volunteerId())) {
            throw ProblemException.conflict("This person is already registered for the activity.");
        }
        Registration r = new Registration();
        r.id = UUID.randomUUID();
        r.activityId = activityId;
        r.kind = request.kind();
        r.referralId = request.referralId();
        r.volunteerId = request.volunteerId();
        switch (request.kind()) {
            case WOMAN -> {
                r.women = 1;
                r.children = ActivityValidator.zeroIfNull(request.children());
            }
            case VOLUNTEER -> r.volunteers = 1;
            case ANONYMOUS -> {
                r.women = ActivityValidator.zeroIfNull(request.women());
                r.children = ActivityValidator.zeroIfNull(request.children());
                r.volunteers = ActivityValidator.zeroIfNull(request.volunteers());
            }
        }
        boolean anyoneWaiting = !waiting(activityId).isEmpty();
        // Nobody jumps the queue: while people wait, newcomers wait behind them.
        r.state = !anyoneWaiting && confirmedHeads(em, activityId) + r.headCount() <= a.capacity
                ? Registration.State.CONFIRMED : Registration.State.WAITLISTED;
        r.createdAt = clock.now();
        em.persist(r);
        em.flush();
        em.refresh(r);
        return r;
    }

    /** Cancels a registration and moves the first waiting people up while they fit. */
    @Transactional
    public Registration cancel(UUID activityId, UUID registrationId, CallerIdentity caller) {
        Activity a = ActivityService.planned(activities.lockVisible(activityId, caller));
        Registration r = em.find(Registration.class, registrationId);
        if (r == null || !r.activityId.equals(activityId)) {
            throw ProblemException.notFound();
        }
        if (r.state == Registration.State.CANCELLED) {
            throw ProblemException.conflict("The registration is already cancelled.");
        }
        r.state = Registration.State.CANCELLED;
        em.flush();
        promote(a);
        return r;
    }

    @Transactional
    public List<Registration> list(UUID activityId, CallerIdentity caller) {
        activities.get(activityId, caller);
        return em.createQuery("from Registration where activityId = :a order by queuedAt", Registration.class)
                .setParameter("a", activityId).getResultList();
    }

    private void promote(Activity a) {
        int confirmed = confirmedHeads(em, a.id);
        for (Registration next : waiting(a.id)) {
            if (confirmed + next.headCount() > a.capacity) {
                break;
            }
            next.state = Registration.State.CONFIRMED;
            confirmed += next.headCount();
        }
    }

    private List<Registration> waiting(UUID activityId) {
        return em.createQuery("from Registration where activityId = :a and state = :s order by queuedAt", Registration.class)
                .setParameter("a", activityId).setParameter("s", Registration.State.WAITLISTED).getResultList();
    }

    private boolean active(UUID activityId, String field, UUID personId) {
        return em.createQuery("select count(r) from Registration r where r.activityId = :a and r." + field + " = :p and r.state <> :c", Long.class)
                .setParameter("a", activityId).setParameter("p", personId).setParameter("c", Registration.State.CANCELLED)
                .getSingleResult() > 0;
    }

    static int confirmedHeads(EntityManager em, UUID activityId) {
        Object heads = em.createQuery("select sum(r.women + r.children + r.volunteers) from Registration r where r.activityId = :a and r.state = :s")
                .setParameter("a", activityId).setParameter("s", Registration.State.CONFIRMED).getSingleResult();
        return heads == null ? 0 : ((Number) heads).intValue();
    }

    /** Erasure: the woman's registrations become head counts; the counts stay right. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int anonymise(UUID referralId) {
        return em.createQuery("update Registration set referralId = null, kind = :anonymous where referralId = :r")
                .setParameter("anonymous", Registration.Kind.ANONYMOUS).setParameter("r", referralId).executeUpdate();
    }
}
