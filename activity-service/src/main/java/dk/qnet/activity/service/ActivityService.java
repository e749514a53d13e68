package dk.qnet.activity.service;

import dk.qnet.activity.Activity;
import dk.qnet.activity.ActivityStatus;
import dk.qnet.activity.Registration;
import dk.qnet.activity.service.ActivityRequest;
import dk.qnet.activity.service.AttendanceRequest;
import dk.qnet.contracts.activity.ActivityCancelled;
import dk.qnet.contracts.activity.ActivityHeld;
import dk.qnet.contracts.activity.ActivityScheduled;
import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.outbox.Outbox;
import dk.qnet.platform.paging.Page;
import dk.qnet.platform.paging.PageRequest;
import dk.qnet.platform.problem.IfMatch;
import dk.qnet.platform.problem.ProblemException;
import dk.qnet.platform.time.SuiteClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** The activity lifecycle: planned, then cancelled or held. Only planned activities change. */
@ApplicationScoped
public class ActivityService {

    private final ActivityRepository activities;
    private final RegistrationRepository registrations;
    private final NetworkChoice networkChoice;
    private final ActivityValidator validator;
    private final Outbox outbox;
    private final SuiteClock clock;

    /** A list answers at most this many; the paged list is the API's. */
    static final int MAX_LISTED = 1000;

    public ActivityService(ActivityRepository activities, RegistrationRepository registrations, NetworkChoice networkChoice, Outbox outbox,
                           ActivityValidator validator, SuiteClock clock) {
        this.activities = activities;
        this.registrations = registrations;
        this.networkChoice = networkChoice;
        this.validator = validator;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A page of the activities the caller may see, soonest first. */
    @Transactional
    public Page<Activity> page(CallerIdentity caller, ActivityStatus status, PageRequest request) {
        var query = activities.in(NetworkChoice.visibleTo(caller), status);
        return request.answer(query.range(request.offset(), request.offset() + request.size() - 1).list(), query.count());
    }

    @Transactional
    public List<Activity> listVisible(CallerIdentity caller, ActivityStatus status) {
        return activities.in(NetworkChoice.visibleTo(caller), status).range(0, MAX_LISTED - 1).list();
    }

    @Transactional
    public Activity create(ActivityRequest request, CallerIdentity caller) {
        validate(request);
        String networkId = networkFor(request, caller);
        Instant now = clock.now();
        Activity a = new Activity();
        a.id = UUID.randomUUID();
        a.networkId = networkId;
        apply(a, request);
        a.status = ActivityStatus.PLANNED;
        a.createdAt = now;
        a.updatedAt = now;
        activities.persist(a);
        outbox.append(a.id.toString(), scheduled(a));
        return a;
    }

    @Transactional
    public Activity update(UUID id, ActivityRequest request, IfMatch ifMatch, CallerIdentity caller) {
        Activity a = planned(lockVisible(id, ifMatch, caller));
        validate(request);
        if (request.networkId() != null && !request.networkId().equals(a.networkId)) {
            throw ProblemException.invalid("networkId", "an activity cannot move to another network");
        }
        int confirmed = registrations.confirmedHeads(a.id);
        if (request.capacity() < confirmed) {
            throw ProblemException.invalid("capacity", "must be at least the " + confirmed + " people already confirmed");
        }
        apply(a, request);
        a.updatedAt = clock.now();
        outbox.append(a.id.toString(), scheduled(a));
        return a;
    }

    @Transactional
    public Activity cancel(UUID id, IfMatch ifMatch, CallerIdentity caller) {
        Activity a = planned(lockVisible(id, ifMatch, caller));
        a.status = ActivityStatus.CANCELLED;
        a.updatedAt = clock.now();
        List<UUID> toNotify = registrations.notCancelledOf(a.id);
        outbox.append(a.id.toString(), new ActivityCancelled(a.id, a.networkId, toNotify, a.updatedAt));
        return a;
    }

    /** Records who came; the activity becomes held and its counts go to statistics. */
    @Transactional
    public Activity recordAttendance(UUID id, AttendanceRequest request, IfMatch ifMatch, CallerIdentity caller) {
        Activity a = planned(lockVisible(id, ifMatch, caller));
        validator.attendance(request);
        if (a.startsAt.isAfter(clock.now())) {
            throw ProblemException.conflict("Attendance is recorded after the activity has started.");
        }
        if (request.attendedRegistrationIds() != null) {
            for (UUID registrationId : request.attendedRegistrationIds()) {
                Registration r = registrations.findById(registrationId);
                if (r == null || !r.activityId.equals(a.id) || r.state != Registration.State.CONFIRMED) {
                    throw ProblemException.invalid("attendedRegistrationIds", "must be confirmed registrations of this activity");
                }
                r.attended = true;
            }
        }
        a.attendedWomen = request.women();
        a.attendedChildren = request.children();
        a.attendedVolunteers = request.volunteers();
        a.status = ActivityStatus.HELD;
        a.heldAt = clock.now();
        a.updatedAt = a.heldAt;
        outbox.append(a.id.toString(), new ActivityHeld(a.id, a.networkId, a.type, a.startsAt,
                request.women(), request.children(), request.volunteers()));
        return a;
    }

    @Transactional
    public Activity get(UUID id, CallerIdentity caller) {
        return activities.findByIdOptional(id).filter(a -> mayAccess(a.networkId, caller)).orElseThrow(ProblemException::notFound);
    }

    Activity lockVisible(UUID id, CallerIdentity caller) {
        return lockVisible(id, IfMatch.NONE, caller);
    }

    /** The activity locked for a change the caller may make, still at a version the caller named (else 412). */
    Activity lockVisible(UUID id, IfMatch ifMatch, CallerIdentity caller) {
        Activity a = activities.findLocked(id).filter(found -> mayAccess(found.networkId, caller)).orElseThrow(ProblemException::notFound);
        ifMatch.check(a.version);
        return a;
    }

    static Activity planned(Activity a) {
        if (a.status != ActivityStatus.PLANNED) {
            throw ProblemException.conflict("The activity is " + a.status + "; only a planned activity can change.");
        }
        return a;
    }

    /** The coordinator of the activity's network, or admin. */
    public static boolean mayAccess(String networkId, CallerIdentity caller) {
        return caller.managesNetwork(networkId);
    }

    private String networkFor(ActivityRequest request, CallerIdentity caller) {
        return networkChoice.forNew(request.networkId(), caller);
    }

    private void validate(ActivityRequest request) {
        validator.activity(request, clock.now());
    }

    private static void apply(Activity a, ActivityRequest r) {
        a.title = r.title().strip();
        a.description = r.description();
        a.type = r.type();
        a.startsAt = r.startsAt().truncatedTo(ChronoUnit.SECONDS);
        a.endsAt = r.endsAt().truncatedTo(ChronoUnit.SECONDS);
        a.venue = r.venue().strip();
        a.venueKind = r.venueKind();
        a.audience = List.copyOf(r.audience());
        a.capacity = r.capacity();
        a.signupDeadline = r.signupDeadline();
    }

    private static ActivityScheduled scheduled(Activity a) {
        return new ActivityScheduled(a.id, a.networkId, a.type, a.audience, a.startsAt, a.endsAt, a.capacity);
    }
}
