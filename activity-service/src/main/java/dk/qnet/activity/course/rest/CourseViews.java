package dk.qnet.activity.course.rest;

import dk.qnet.activity.VenueKind;
import dk.qnet.activity.course.Completion;
import dk.qnet.activity.course.Course;
import dk.qnet.activity.course.CourseSchedule;
import dk.qnet.activity.course.CourseSession;
import dk.qnet.activity.course.Enrolment;
import dk.qnet.activity.course.service.CourseRules;
import dk.qnet.activity.course.service.CourseService;
import dk.qnet.activity.service.ActivityValidator;
import dk.qnet.contracts.Limits;
import dk.qnet.contracts.activity.CourseTheme;
import dk.qnet.contracts.network.NetworkIds;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the course API answers. Women appear by enrolment and referral id only. */
public final class CourseViews {

    private CourseViews() {
    }

    public record CompletionShare(@Schema(minimum = "1", maximum = "" + CourseSchedule.MAX_SESSIONS) int sessions,
                                  @Schema(minimum = "1", maximum = "" + CourseSchedule.MAX_SESSIONS) int outOf) {
    }

    public record SessionView(@Schema(minimum = "1", maximum = "" + CourseSchedule.MAX_SESSIONS) int number, Instant startsAt, Instant endsAt,
                              CourseSession.Status status, boolean moved,
                              @Schema(minimum = "0", maximum = "" + CourseRules.MAX_CAPACITY, description = "Women who came.") int women,
                              @Schema(minimum = "0", maximum = "" + CourseRules.MAX_CAPACITY * CourseRules.MAX_CHILDREN) int children,
                              @Schema(minimum = "0", maximum = "" + CourseRules.MAX_LEADERS) int leaders) {
    }

    public record LeaderView(UUID id, UUID volunteerId, @Schema(maxLength = CourseRules.MAX_STAFF_ROLE) String staffRole) {
    }

    public record CourseView(UUID id, @Schema(maxLength = NetworkIds.MAX_LENGTH) String networkId,
                             @Schema(maxLength = ActivityValidator.MAX_TITLE) String title,
                             @Schema(maxLength = ActivityValidator.MAX_DESCRIPTION) String description, CourseTheme theme,
                             Course.Audience audience, @Schema(minimum = "0", maximum = "" + CourseRules.MAX_CHILD_AGE) Integer childMinAge,
                             @Schema(minimum = "0", maximum = "" + CourseRules.MAX_CHILD_AGE) Integer childMaxAge,
                             @Schema(minLength = Limits.LANGUAGE_CODE_LENGTH, maxLength = Limits.LANGUAGE_CODE_LENGTH) String language,
                             @Schema(maxLength = ActivityValidator.MAX_VENUE) String venue, VenueKind venueKind,
                             @Schema(minimum = "1", maximum = "" + CourseRules.MAX_CAPACITY) int capacity, CompletionShare completion,
                             Course.Status status,
                             @Schema(minimum = "0", maximum = "" + CourseRules.MAX_CAPACITY, description = "Places taken by admitted women and children.") int placesTaken,
                             @Schema(minimum = "0", maximum = "" + Integer.MAX_VALUE, description = "Women waiting for admission.") int waiting,
                             @Schema(maxItems = CourseSchedule.MAX_SESSIONS) List<SessionView> sessions,
                             @Schema(maxItems = CourseRules.MAX_LEADERS) List<LeaderView> leaders,
                             UUID previousCohortId, Instant createdAt, Instant closedAt) {

        static CourseView of(CourseService.CourseState s) {
            Course c = s.course();
            List<SessionView> sessions = s.sessions().stream().map(x -> new SessionView(x.number, x.startsAt, x.endsAt, x.status, x.moved,
                    s.attendance().womenAt(x.id).size(), s.attendance().womenAt(x.id).values().stream().mapToInt(Integer::intValue).sum(),
                    s.attendance().leadersAt(x.id).size())).toList();
            int waiting = (int) s.enrolments().stream().filter(e -> e.state == Enrolment.State.APPLIED).count();
            return new CourseView(c.id, c.networkId, c.title, c.description, c.theme, c.audience, c.childMinAge, c.childMaxAge, c.language,
                    c.venue, c.venueKind, c.capacity, new CompletionShare(c.completionSessions, c.completionOutOf), c.status, s.placesTaken(),
                    waiting, sessions, s.leaders().stream().map(l -> new LeaderView(l.id, l.volunteerId, l.staffRole)).toList(),
                    c.previousCohortId, c.createdAt, c.closedAt);
        }
    }

    /** A course in a list: what it is and how full, without its sessions and leaders. */
    public record CourseSummary(UUID id, @Schema(maxLength = NetworkIds.MAX_LENGTH) String networkId,
                                @Schema(maxLength = ActivityValidator.MAX_TITLE) String title, CourseTheme theme, Course.Audience audience,
                                @Schema(minLength = Limits.LANGUAGE_CODE_LENGTH, maxLength = Limits.LANGUAGE_CODE_LENGTH) String language,
                                @Schema(minimum = "1", maximum = "" + CourseRules.MAX_CAPACITY) int capacity, Course.Status status,
                                Instant createdAt) {

        static CourseSummary of(Course c) {
            return new CourseSummary(c.id, c.networkId, c.title, c.theme, c.audience, c.language, c.capacity, c.status, c.createdAt);
        }
    }

    public record EnrolmentView(UUID id, @Schema(description = "Null after her erasure: a head count.") UUID referralId,
                                @Schema(minimum = "0", maximum = "" + CourseRules.MAX_CHILDREN) int children, Enrolment.State state,
                                @Schema(minimum = "1", maximum = "" + Integer.MAX_VALUE, description = "Her place in the queue, while she waits.") Integer position,
                                @Schema(minimum = "0", maximum = "" + CourseSchedule.MAX_SESSIONS) int sessionsAttended,
                                @Schema(minimum = "0", maximum = "" + CourseSchedule.MAX_SESSIONS) int sessionsHeld,
                                Completion completion, Enrolment.DropOutReason dropOutReason) {

        static List<EnrolmentView> of(CourseService.CourseState s) {
            List<EnrolmentView> views = new java.util.ArrayList<>();
            int position = 0;
            int held = s.held().size();
            for (Enrolment e : s.enrolments()) {
                Integer place = e.state == Enrolment.State.APPLIED ? ++position : null;
                views.add(of(s, e, place, held));
            }
            return views;
        }

        static EnrolmentView of(CourseService.CourseState s, Enrolment e, Integer position, int held) {
            return new EnrolmentView(e.id, e.referralId, e.children, e.state, position, s.attendance().sessionsOf(e.id), held,
                    s.completionOf(e), e.dropOutReason);
        }
    }

    /** The women admitted by one admission, first in line first. */
    public record Admitted(@Schema(maxItems = CourseRules.MAX_CAPACITY) List<EnrolmentView> admitted) {
    }

    /** How many of the waiting women to admit, in queue order; all who fit when absent. */
    public record AdmissionRequest(@Schema(minimum = "1", maximum = "" + CourseRules.MAX_CAPACITY) Integer count) {
    }
}
