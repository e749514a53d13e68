package dk.qnet.activity.service;

import dk.qnet.activity.Activity;
import dk.qnet.activity.Registration;
import dk.qnet.activity.service.RegistrationRequest;
import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.problem.ProblemException;
import dk.qnet.platform.time.SuiteClock;
import jakarta.enterprise.context.ApplicationScoped;
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

    private final RegistrationRepository registrations;
    private final ActivityValidator validator;
    private final ActivityService activities;
    private final KnownPeople known;
    private final SuiteClock clock;

    public RegistrationService(RegistrationRepository registrations, ActivityService activities, KnownPeople known, ActivityValidator validator,
                               SuiteClock clock) {
        this.registrations = registrations;
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
        if (registrations.isRegistered(activityId, request.referralId(), request.volunteerId())) {
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
        boolean anyoneWaiting = !registrations.waitingFor(activityId).isEmpty();
        // Nobody jumps the queue: while people wait, newcomers wait behind them.
        r.state = !anyoneWaiting && registrations.confirmedHeads(activityId) + r.headCount() <= a.capacity
                ? Registration.State.CONFIRMED : Registration.State.WAITLISTED;
        r.createdAt = clock.now();
        return registrations.add(r);
    }

    /** Cancels a registration and moves the first waiting people up while they fit. */
    @Transactional
    public Registration cancel(UUID activityId, UUID registrationId, CallerIdentity caller) {
        Activity a = ActivityService.planned(activities.lockVisible(activityId, caller));
        Registration r = registrations.findByIdOptional(registrationId).filter(found -> found.activityId.equals(activityId))
                .orElseThrow(ProblemException::notFound);
        if (r.state == Registration.State.CANCELLED) {
            throw ProblemException.conflict("The registration is already cancelled.");
        }
        r.state = Registration.State.CANCELLED;
        registrations.flush();
        promote(a);
        return r;
    }

    @Transactional
    public List<Registration> list(UUID activityId, CallerIdentity caller) {
        activities.get(activityId, caller);
        return registrations.of(activityId);
    }

    private void promote(Activity a) {
        int confirmed = registrations.confirmedHeads(a.id);
        for (Registration next : registrations.waitingFor(a.id)) {
            if (confirmed + next.headCount() > a.capacity) {
                break;
            }
            next.state = Registration.State.CONFIRMED;
            confirmed += next.headCount();
        }
    }

    /** Erasure: the woman's registrations become head counts; the counts stay right. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int anonymise(UUID referralId) {
        return registrations.anonymise(referralId);
    }
}
