package dk.qnet.activity.course.service;

import dk.qnet.activity.course.Course;
import dk.qnet.activity.course.CourseSession;
import dk.qnet.activity.course.Enrolment;
import dk.qnet.activity.service.KnownPeople;
import dk.qnet.contracts.DanishTime;
import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.problem.IfMatch;
import dk.qnet.platform.problem.ProblemException;
import dk.qnet.platform.time.SuiteClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Applications, admission and the waiting list of a course. Every change locks the course row
 * first (as registrations lock their activity), so admissions and withdrawals that race never
 * over-fill the course nor skip a woman in the queue.
 */
@ApplicationScoped
public class AdmissionService {

    private final CourseRepository courses;
    private final CourseService lifecycle;
    private final KnownPeople known;
    private final CourseRules rules;
    private final SuiteClock clock;

    public AdmissionService(CourseRepository courses, CourseService lifecycle, KnownPeople known, CourseRules rules, SuiteClock clock) {
        this.courses = courses;
        this.lifecycle = lifecycle;
        this.known = known;
        this.rules = rules;
        this.clock = clock;
    }

    /** A woman applies (or is put forward): she joins the end of the queue if she meets the course's criteria. */
    @Transactional
    public Enrolment apply(UUID courseId, EnrolmentRequest request, CallerIdentity caller) {
        Course c = CourseService.open(lifecycle.lockVisible(courseId, IfMatch.NONE, caller));
        rules.enrolment(request);
        int children = request.children() == null ? 0 : request.children();
        CourseRules.childrenFit(c, children);
        KnownPeople.CourseProfile profile = known.courseProfile(request.referralId(), c.networkId).orElseThrow(() -> ProblemException.invalid(
                "referralId", "is not a referral of this network whose status and consent allow taking part "
                        + "(accepted, waitlisted, matched, active or completed); a new referral may take a few seconds to arrive"));
        if (courses.current(courseId, request.referralId()).isPresent()) {
            throw CourseRules.conflict("course-already-applied", "She has already applied for this course.");
        }
        int courseYear = courses.sessions(courseId).get(0).startsAt.atZone(DanishTime.ZONE).getYear();
        CourseCriteria.check(c, profile, children, courseYear);
        if (c.placesOf(children) > c.capacity) {
            throw CourseRules.conflict("course-too-many-places", "She and her children would take " + c.placesOf(children) + " places; the course has " + c.capacity + ".");
        }
        Instant now = clock.now();
        Enrolment e = new Enrolment();
        e.id = UUID.randomUUID();
        e.courseId = courseId;
        e.referralId = request.referralId();
        e.children = children;
        e.state = Enrolment.State.APPLIED;
        e.createdAt = now;
        e.updatedAt = now;
        return courses.add(e);
    }

    /**
     * Admits the women first in the queue while they fit, at most {@code count} of them (all who
     * fit when null). Nobody is skipped: when the first in line does not fit, admission stops there.
     */
    @Transactional
    public List<Enrolment> admit(UUID courseId, Integer count, CallerIdentity caller) {
        Course c = CourseService.open(lifecycle.lockVisible(courseId, IfMatch.NONE, caller));
        if (count != null && (count < 1 || count > CourseRules.MAX_CAPACITY)) {
            throw ProblemException.invalid("count", "must be from 1 to " + CourseRules.MAX_CAPACITY);
        }
        CourseService.CourseState state = lifecycle.state(c);
        List<Enrolment> waiting = state.enrolments().stream().filter(e -> e.state == Enrolment.State.APPLIED).toList();
        if (waiting.isEmpty()) {
            throw CourseRules.conflict("course-nobody-waiting", "Nobody is waiting for this course.");
        }
        if (count != null && count > waiting.size()) {
            throw CourseRules.conflict("course-fewer-waiting", waiting.size() + " wait for this course; " + count + " cannot be admitted.");
        }
        List<Enrolment> admitted = admitInOrder(c, state.placesTaken(), waiting, count == null ? Integer.MAX_VALUE : count);
        if (admitted.isEmpty() || (count != null && admitted.size() < count)) {
            throw CourseRules.conflict("course-full", "The course is full: " + state.placesTaken() + " of " + c.capacity + " places are taken, and the next "
                    + "in line needs " + c.placesOf(waiting.get(admitted.size()).children) + ". Admission over capacity is refused.");
        }
        return admitted;
    }

    /** Takes an application back, or a place before the course has begun; a place freed before the second session goes to the next in line. */
    @Transactional
    public Enrolment withdraw(UUID courseId, UUID enrolmentId, CallerIdentity caller) {
        Course c = CourseService.open(lifecycle.lockVisible(courseId, IfMatch.NONE, caller));
        Enrolment e = courses.enrolment(courseId, enrolmentId).orElseThrow(ProblemException::notFound);
        List<CourseSession> sessions = courses.sessions(courseId);
        if (e.state == Enrolment.State.ADMITTED && begun(sessions, 1)) {
            throw CourseRules.conflict("course-begun", "The course has begun: an admitted woman who leaves drops out, with a reason.");
        }
        if (e.state != Enrolment.State.APPLIED && e.state != Enrolment.State.ADMITTED) {
            throw CourseRules.conflict("enrolment-state", "The enrolment is " + e.state + " already.");
        }
        boolean freesPlace = e.state == Enrolment.State.ADMITTED;
        e.state = Enrolment.State.WITHDRAWN;
        e.updatedAt = clock.now();
        if (freesPlace) {
            offerFreedPlace(c, sessions);
        }
        return e;
    }

    /** An admitted woman leaves, with a coded reason; a place freed before the second session goes to the next in line. */
    @Transactional
    public Enrolment dropOut(UUID courseId, UUID enrolmentId, DropOutRequest request, CallerIdentity caller) {
        Course c = CourseService.open(lifecycle.lockVisible(courseId, IfMatch.NONE, caller));
        Enrolment e = courses.enrolment(courseId, enrolmentId).orElseThrow(ProblemException::notFound);
        rules.dropOut(request);
        if (e.state != Enrolment.State.ADMITTED) {
            throw CourseRules.conflict("enrolment-state", "Only an admitted woman drops out; this enrolment is " + e.state + ".");
        }
        e.state = Enrolment.State.DROPPED_OUT;
        e.dropOutReason = request.reason();
        e.updatedAt = clock.now();
        offerFreedPlace(c, courses.sessions(courseId));
        return e;
    }

    /** Erasure: the woman's enrolments become head counts; the counts stay right. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int anonymise(UUID referralId) {
        return courses.anonymise(referralId);
    }

    private void offerFreedPlace(Course c, List<CourseSession> sessions) {
        if (begun(sessions, 2)) {
            return;
        }
        courses.flush();
        CourseService.CourseState state = lifecycle.state(c);
        admitInOrder(c, state.placesTaken(), state.enrolments().stream().filter(e -> e.state == Enrolment.State.APPLIED).toList(),
                Integer.MAX_VALUE);
    }

    private List<Enrolment> admitInOrder(Course c, int taken, List<Enrolment> waiting, int count) {
        List<Enrolment> admitted = new ArrayList<>();
        for (Enrolment next : waiting) {
            if (admitted.size() == count || taken + c.placesOf(next.children) > c.capacity) {
                break;
            }
            next.state = Enrolment.State.ADMITTED;
            next.updatedAt = clock.now();
            taken += c.placesOf(next.children);
            admitted.add(next);
        }
        return admitted;
    }

    /** Whether the course's n-th session (not cancelled, in time order) has begun. */
    private boolean begun(List<CourseSession> sessions, int n) {
        List<CourseSession> kept = sessions.stream().filter(s -> s.status != CourseSession.Status.CANCELLED)
                .sorted(java.util.Comparator.comparing(s -> s.startsAt)).toList();
        return kept.size() >= n && !kept.get(n - 1).startsAt.isAfter(clock.now());
    }
}
