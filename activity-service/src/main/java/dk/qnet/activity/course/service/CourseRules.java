package dk.qnet.activity.course.service;

import dk.qnet.activity.course.Course;
import dk.qnet.activity.course.CourseSchedule;
import dk.qnet.platform.problem.FieldErrors;
import dk.qnet.platform.problem.Problem;
import dk.qnet.platform.problem.ProblemException;
import dk.qnet.platform.problem.RequestRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Checks course requests: the annotations of the request records, then the rules that depend on
 * the time or on another field. One error per invalid field, values never echoed.
 */
@ApplicationScoped
public class CourseRules {

    public static final int MAX_CAPACITY = 100;
    public static final int MAX_LEADERS = 10;
    public static final int MAX_STAFF_ROLE = 60;
    public static final int MAX_CHILDREN = 10;
    public static final int MAX_CHILD_AGE = 17;
    public static final int MIN_DURATION_MINUTES = 15;
    public static final int MAX_DURATION_MINUTES = 480;
    /** The first session at most this far ahead. */
    static final int MAX_DAYS_AHEAD = 731;

    private final RequestRules rules;

    public CourseRules(RequestRules rules) {
        this.rules = rules;
    }

    /** The request's sessions, or a 400 naming every invalid field. */
    public java.util.List<CourseSchedule.Slot> course(CourseRequest r, Instant now, LocalDate today) {
        FieldErrors e = rules.check(r);
        java.util.List<CourseSchedule.Slot> slots = java.util.List.of();
        if (r != null) {
            if (r.audience() != null && r.audience().children()) {
                if (r.childMinAge() == null) {
                    e.add("childMinAge", "is required for a course for children");
                }
                if (r.childMaxAge() == null) {
                    e.add("childMaxAge", "is required for a course for children");
                } else if (r.childMinAge() != null && r.childMaxAge() < r.childMinAge()) {
                    e.add("childMaxAge", "must not be below childMinAge");
                }
            } else if (r.audience() != null) {
                if (r.childMinAge() != null) {
                    e.add("childMinAge", "belongs only to a course for children");
                }
                if (r.childMaxAge() != null) {
                    e.add("childMaxAge", "belongs only to a course for children");
                }
            }
            if (r.completion() != null && r.completion().sessions() != null && r.completion().outOf() != null
                    && r.completion().sessions() > r.completion().outOf()) {
                e.add("completion.sessions", "must not be more than outOf");
            }
            if (r.leaders() != null) {
                for (int i = 0; i < r.leaders().size(); i++) {
                    CourseRequest.Leader l = r.leaders().get(i);
                    if (l != null && (l.volunteerId() == null) == (l.staffRole() == null || l.staffRole().isBlank())) {
                        e.add("leaders[" + i + "]", "must name either a volunteerId or a staffRole");
                    }
                }
            }
            slots = schedule(r.schedule(), e, now, today);
        }
        e.throwIfAny("The course");
        return slots;
    }

    private static java.util.List<CourseSchedule.Slot> schedule(CourseRequest.Schedule s, FieldErrors e, Instant now, LocalDate today) {
        if (s == null || s.firstDate() == null || s.startTime() == null || s.durationMinutes() == null || s.frequency() == null
                || e.has("schedule.startTime") || e.has("schedule.durationMinutes")) {
            return java.util.List.of();
        }
        if (s.firstDate().isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            e.add("schedule.firstDate", "must be within two years");
            return java.util.List.of();
        }
        CourseSchedule schedule = new CourseSchedule(s.firstDate(), LocalTime.parse(s.startTime()), s.durationMinutes(), s.frequency());
        int sessions;
        if ((s.sessions() == null) == (s.lastDate() == null)) {
            e.add("schedule.sessions", "give either sessions or lastDate");
            return java.util.List.of();
        } else if (s.sessions() != null) {
            sessions = s.sessions();
        } else {
            sessions = schedule.sessionsUntil(s.lastDate());
            if (sessions > CourseSchedule.MAX_SESSIONS || sessions < CourseSchedule.MIN_SESSIONS) {
                e.add("schedule.lastDate", "would make " + sessions + " sessions; a course has " + CourseSchedule.MIN_SESSIONS + " to "
                        + CourseSchedule.MAX_SESSIONS);
                return java.util.List.of();
            }
        }
        if (e.has("schedule.sessions")) {
            return java.util.List.of();
        }
        java.util.List<CourseSchedule.Slot> slots = schedule.slots(sessions);
        if (!slots.get(0).startsAt().isAfter(now)) {
            e.add("schedule.firstDate", "the first session must be in the future");
        }
        return slots;
    }

    public void enrolment(EnrolmentRequest r) {
        rules.check(r).throwIfAny("The application");
    }

    public void sessionChange(SessionChange r) {
        rules.check(r).throwIfAny("The session");
    }

    public void attendance(SessionAttendanceRequest r) {
        rules.check(r).throwIfAny("The attendance");
    }

    public void dropOut(DropOutRequest r) {
        rules.check(r).throwIfAny("The drop-out");
    }

    /** 409 with a problem type of its own, so the pages can say in Danish what stands in the way. */
    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Problem.of(409, slug, "Conflict", detail));
    }

    /** The places an enrolment asks for must fit the audience: no children on a course for women, at least one on a course for children. */
    static void childrenFit(Course c, int children) {
        if (!c.audience.children() && children > 0) {
            throw ProblemException.invalid("children", "the course is for women only");
        }
        if (c.audience == Course.Audience.CHILDREN && children == 0) {
            throw ProblemException.invalid("children", "the course is for children: name how many of hers come");
        }
    }
}
