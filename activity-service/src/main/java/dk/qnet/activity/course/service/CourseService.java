package dk.qnet.activity.course.service;

import dk.qnet.activity.course.Completion;
import dk.qnet.activity.course.Course;
import dk.qnet.activity.course.CourseLeader;
import dk.qnet.activity.course.CourseSchedule;
import dk.qnet.activity.course.CourseSession;
import dk.qnet.activity.course.Enrolment;
import dk.qnet.activity.service.KnownPeople;
import dk.qnet.activity.service.NetworkChoice;
import dk.qnet.contracts.activity.CourseEnded;
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
import java.time.LocalTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A course's life: made with its sessions, sessions moved, cancelled or held (attendance), then
 * closed, when completion becomes final and its counts go to statistics. Every change locks the
 * course row first, so changes to one course happen one after another.
 */
@ApplicationScoped
public class CourseService {

    /** A course and everything shown with it. */
    public record CourseState(Course course, List<CourseSession> sessions, List<CourseLeader> leaders, List<Enrolment> enrolments,
                              CourseRepository.Attendance attendance) {

        public List<CourseSession> held() {
            return sessions.stream().filter(s -> s.status == CourseSession.Status.HELD).toList();
        }

        public int placesTaken() {
            return enrolments.stream().filter(e -> e.state == Enrolment.State.ADMITTED).mapToInt(e -> course.placesOf(e.children)).sum();
        }

        /** Whether the woman completed (closed course) or is on track to (open course): her attended share of the held sessions. */
        public boolean completes(Enrolment e) {
            return e.state == Enrolment.State.ADMITTED && course.completes(attendance.sessionsOf(e.id), held().size());
        }

        /** Where an admitted woman stands; null for anyone not admitted. */
        public Completion completionOf(Enrolment e) {
            return e.state == Enrolment.State.ADMITTED ? Completion.of(course, attendance.sessionsOf(e.id), held().size()) : null;
        }
    }

    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;

    private final CourseRepository courses;
    private final NetworkChoice networkChoice;
    private final KnownPeople known;
    private final CourseRules rules;
    private final Outbox outbox;
    private final SuiteClock clock;

    public CourseService(CourseRepository courses, NetworkChoice networkChoice, KnownPeople known, CourseRules rules, Outbox outbox,
                         SuiteClock clock) {
        this.courses = courses;
        this.networkChoice = networkChoice;
        this.known = known;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Page<Course> page(CallerIdentity caller, PageRequest request) {
        String network = NetworkChoice.visibleTo(caller);
        return request.answer(courses.in(network, request.offset(), request.size()), courses.count(network));
    }

    /** The courses the caller sees, newest first; at most a page's worth for the pages. */
    @Transactional
    public List<CourseState> listVisible(CallerIdentity caller) {
        return courses.in(NetworkChoice.visibleTo(caller), 0, PageRequest.MAX_SIZE).stream().map(this::state).toList();
    }

    @Transactional
    public CourseState get(UUID id, CallerIdentity caller) {
        return state(courses.find(id).filter(c -> caller.managesNetwork(c.networkId)).orElseThrow(ProblemException::notFound));
    }

    /** Makes the course; the same Idempotency-Key again answers the course made the first time (and {@code created} false). */
    @Transactional
    public Created create(CourseRequest request, String idempotencyKey, CallerIdentity caller) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH)) {
            throw ProblemException.invalid("Idempotency-Key", "must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
        }
        String networkId = networkFor(request, caller);
        if (idempotencyKey != null) {
            courses.lockIdempotencyKey(networkId, idempotencyKey);
            var earlier = courses.byIdempotencyKey(networkId, idempotencyKey);
            if (earlier.isPresent()) {
                return new Created(state(earlier.get()), false);
            }
        }
        Instant now = clock.now();
        List<CourseSchedule.Slot> slots = rules.course(request, now, clock.today());
        Course previous = null;
        if (request.previousCohortId() != null) {
            previous = courses.findLocked(request.previousCohortId()).filter(c -> c.networkId.equals(networkId))
                    .orElseThrow(() -> ProblemException.invalid("previousCohortId", "is not a course of this network"));
        }
        Set<UUID> volunteers = new HashSet<>();
        for (int i = 0; i < (request.leaders() == null ? 0 : request.leaders().size()); i++) {
            UUID volunteer = request.leaders().get(i).volunteerId();
            if (volunteer != null && (!known.mayRegisterVolunteer(volunteer, networkId) || !volunteers.add(volunteer))) {
                throw ProblemException.invalid("leaders[" + i + "].volunteerId", "is not an approved, active or paused volunteer of this network, "
                        + "or is named twice");
            }
        }
        Course c = new Course();
        c.id = UUID.randomUUID();
        c.networkId = networkId;
        c.title = request.title().strip();
        c.description = request.description();
        c.theme = request.theme();
        c.audience = request.audience();
        c.childMinAge = request.childMinAge();
        c.childMaxAge = request.childMaxAge();
        c.language = request.language();
        c.venue = request.venue().strip();
        c.venueKind = request.venueKind();
        c.capacity = request.capacity();
        c.completionSessions = request.completion() == null ? 2 : request.completion().sessions();
        c.completionOutOf = request.completion() == null ? 3 : request.completion().outOf();
        c.status = Course.Status.PLANNED;
        c.previousCohortId = request.previousCohortId();
        c.createdAt = now;
        c.updatedAt = now;
        c.idempotencyKey = idempotencyKey;
        courses.persist(c);
        for (int n = 1; n <= slots.size(); n++) {
            CourseSession s = new CourseSession();
            s.id = UUID.randomUUID();
            s.courseId = c.id;
            s.number = n;
            s.startsAt = slots.get(n - 1).startsAt();
            s.endsAt = slots.get(n - 1).endsAt();
            s.status = CourseSession.Status.PLANNED;
            s.updatedAt = now;
            courses.persist(s);
        }
        if (request.leaders() != null) {
            for (CourseRequest.Leader l : request.leaders()) {
                CourseLeader leader = new CourseLeader();
                leader.id = UUID.randomUUID();
                leader.courseId = c.id;
                leader.volunteerId = l.volunteerId();
                leader.staffRole = l.staffRole() == null ? null : l.staffRole().strip();
                courses.persist(leader);
            }
        }
        if (previous != null) {
            takeOverWaitingList(previous, c, now);
        }
        return new Created(state(c), true);
    }

    public record Created(CourseState state, boolean created) {
    }

    /** The women still waiting for the earlier cohort move to this one, in the same order. */
    private void takeOverWaitingList(Course previous, Course next, Instant now) {
        for (Enrolment waiting : courses.enrolments(previous.id)) {
            if (waiting.state != Enrolment.State.APPLIED) {
                continue;
            }
            waiting.state = Enrolment.State.MOVED_TO_NEXT_COHORT;
            waiting.updatedAt = now;
            Enrolment moved = new Enrolment();
            moved.id = UUID.randomUUID();
            moved.courseId = next.id;
            moved.referralId = waiting.referralId;
            moved.children = next.audience.children() ? waiting.children : 0;
            moved.state = Enrolment.State.APPLIED;
            moved.createdAt = now;
            moved.updatedAt = now;
            courses.add(moved);
        }
    }

    /** Moves a planned session to another date and time; it must be in the future and clear of the course's other sessions. */
    @Transactional
    public CourseState moveSession(UUID id, int number, SessionChange change, IfMatch ifMatch, CallerIdentity caller) {
        Course c = open(lockVisible(id, ifMatch, caller));
        CourseSession s = session(c, number);
        rules.sessionChange(change);
        if (s.status != CourseSession.Status.PLANNED) {
            throw CourseRules.conflict("session-not-planned", "Session " + number + " is " + s.status + "; only a planned session moves.");
        }
        int minutes = change.durationMinutes() != null ? change.durationMinutes()
                : (int) java.time.Duration.between(s.startsAt, s.endsAt).toMinutes();
        CourseSchedule.Slot slot = CourseSchedule.slot(change.date(), LocalTime.parse(change.startTime()), minutes);
        if (!slot.startsAt().isAfter(clock.now())) {
            throw ProblemException.invalid("date", "a session moves to a time in the future");
        }
        for (CourseSession other : courses.sessions(c.id)) {
            if (other.number != number && other.status != CourseSession.Status.CANCELLED
                    && other.startsAt.isBefore(slot.endsAt()) && slot.startsAt().isBefore(other.endsAt)) {
                throw ProblemException.invalid("date", "is the time of session " + other.number + " of this course");
            }
        }
        s.startsAt = slot.startsAt();
        s.endsAt = slot.endsAt();
        s.moved = true;
        changed(c, s);
        return state(c);
    }

    /** Cancels a session that was not held; the calendar feeds show it cancelled. */
    @Transactional
    public CourseState cancelSession(UUID id, int number, IfMatch ifMatch, CallerIdentity caller) {
        Course c = open(lockVisible(id, ifMatch, caller));
        CourseSession s = session(c, number);
        if (s.status != CourseSession.Status.PLANNED) {
            throw CourseRules.conflict("session-not-planned", "Session " + number + " is " + s.status + "; only a planned session can be cancelled.");
        }
        s.status = CourseSession.Status.CANCELLED;
        changed(c, s);
        return state(c);
    }

    /** Records who came to a session that has begun; sent again, it replaces the last record. */
    @Transactional
    public CourseState recordAttendance(UUID id, int number, SessionAttendanceRequest request, IfMatch ifMatch, CallerIdentity caller) {
        Course c = open(lockVisible(id, ifMatch, caller));
        CourseSession s = session(c, number);
        rules.attendance(request);
        if (s.status == CourseSession.Status.CANCELLED) {
            throw CourseRules.conflict("session-cancelled", "Session " + number + " was cancelled.");
        }
        if (s.startsAt.isAfter(clock.now())) {
            throw CourseRules.conflict("session-not-held", "Session " + number + " has not been held yet; attendance is taken once it has begun.");
        }
        Map<UUID, Enrolment> enrolments = courses.enrolments(c.id).stream().collect(Collectors.toMap(e -> e.id, e -> e));
        Map<UUID, Integer> women = new HashMap<>();
        List<SessionAttendanceRequest.Woman> came = request.women() == null ? List.of() : request.women();
        for (int i = 0; i < came.size(); i++) {
            SessionAttendanceRequest.Woman w = came.get(i);
            Enrolment e = enrolments.get(w.enrolmentId());
            // She came while admitted: admitted now, or dropped out since.
            if (e == null || (e.state != Enrolment.State.ADMITTED && e.state != Enrolment.State.DROPPED_OUT)) {
                throw CourseRules.conflict("not-admitted", "women[" + i + "] is not admitted to this course; only admitted women attend.");
            }
            int children = w.children() == null ? 0 : w.children();
            if (children > e.children || (children > 0 && !c.audience.children())) {
                throw ProblemException.invalid("women[" + i + "].children", "must be at most the " + (c.audience.children() ? e.children : 0)
                        + " children admitted with her");
            }
            if (women.put(e.id, children) != null) {
                throw ProblemException.invalid("women[" + i + "].enrolmentId", "is named twice");
            }
        }
        Set<UUID> leaderIds = courses.leaders(c.id).stream().map(l -> l.id).collect(Collectors.toSet());
        List<UUID> leaders = request.leaders() == null ? List.of() : request.leaders().stream().distinct().toList();
        for (int i = 0; i < leaders.size(); i++) {
            if (!leaderIds.contains(leaders.get(i))) {
                throw ProblemException.invalid("leaders[" + i + "]", "is not a leader of this course");
            }
        }
        courses.replaceAttendance(s.id, women, leaders);
        s.status = CourseSession.Status.HELD;
        s.attendanceAt = clock.now();
        s.updatedAt = s.attendanceAt;
        c.updatedAt = s.attendanceAt;
        return state(c);
    }

    /** Closes a course whose sessions were all held or cancelled: completion becomes final, its counts go to statistics. */
    @Transactional
    public CourseState close(UUID id, IfMatch ifMatch, CallerIdentity caller) {
        Course c = open(lockVisible(id, ifMatch, caller));
        CourseState state = state(c);
        List<Integer> pending = state.sessions().stream().filter(s -> s.status == CourseSession.Status.PLANNED).map(s -> s.number).toList();
        if (!pending.isEmpty()) {
            throw CourseRules.conflict("sessions-pending", "Sessions " + pending + " are neither held nor cancelled: take their attendance or cancel them first.");
        }
        c.status = Course.Status.CLOSED;
        c.closedAt = clock.now();
        c.updatedAt = c.closedAt;
        int women = 0;
        int children = 0;
        int completed = 0;
        int droppedOut = 0;
        for (Enrolment e : state.enrolments()) {
            if (e.state == Enrolment.State.DROPPED_OUT) {
                droppedOut++;
            }
            if (state.attendance().sessionsOf(e.id) > 0) {
                women++;
                children += state.attendance().childrenOf(e.id);
            }
            if (state.completes(e)) {
                completed++;
            }
        }
        outbox.append(c.id.toString(), new CourseEnded(c.id, c.networkId, c.theme, c.closedAt, state.held().size(), women, children,
                completed, droppedOut));
        return state(c);
    }

    /** Cancels a course of which no session was held: every session is cancelled. */
    @Transactional
    public CourseState cancel(UUID id, IfMatch ifMatch, CallerIdentity caller) {
        Course c = open(lockVisible(id, ifMatch, caller));
        List<CourseSession> sessions = courses.sessions(c.id);
        if (sessions.stream().anyMatch(s -> s.status == CourseSession.Status.HELD)) {
            throw CourseRules.conflict("course-sessions-held", "Sessions were held: cancel the remaining sessions and close the course instead.");
        }
        for (CourseSession s : sessions) {
            if (s.status == CourseSession.Status.PLANNED) {
                s.status = CourseSession.Status.CANCELLED;
                changed(c, s);
            }
        }
        c.status = Course.Status.CANCELLED;
        c.updatedAt = clock.now();
        return state(c);
    }

    CourseState state(Course c) {
        return new CourseState(c, courses.sessions(c.id), courses.leaders(c.id), courses.enrolments(c.id), courses.attendance(c.id));
    }

    /** The course locked for a change the caller may make, still at a version the caller named (else 412). */
    Course lockVisible(UUID id, IfMatch ifMatch, CallerIdentity caller) {
        Course c = courses.findLocked(id).filter(found -> caller.managesNetwork(found.networkId)).orElseThrow(ProblemException::notFound);
        ifMatch.check(c.version);
        return c;
    }

    static Course open(Course c) {
        if (c.status != Course.Status.PLANNED) {
            throw CourseRules.conflict("course-not-open", "The course is " + c.status + "; only an open course changes.");
        }
        return c;
    }

    private CourseSession session(Course c, int number) {
        return courses.sessions(c.id).stream().filter(s -> s.number == number).findFirst().orElseThrow(ProblemException::notFound);
    }

    private void changed(Course c, CourseSession s) {
        s.sequence++;
        s.updatedAt = clock.now();
        c.updatedAt = s.updatedAt;
    }

    private String networkFor(CourseRequest request, CallerIdentity caller) {
        if (request == null) {
            rules.course(null, clock.now(), clock.today());
        }
        return networkChoice.forNew(request.networkId(), caller);
    }
}
