package dk.qnet.activity.course.web;

import dk.qnet.activity.VenueKind;
import dk.qnet.activity.calendar.CalendarLinks;
import dk.qnet.activity.course.Completion;
import dk.qnet.activity.course.Course;
import dk.qnet.activity.course.CourseSchedule;
import dk.qnet.activity.course.CourseSession;
import dk.qnet.activity.course.Enrolment;
import dk.qnet.activity.course.rest.CourseResource;
import dk.qnet.activity.course.service.AdmissionService;
import dk.qnet.activity.course.service.CourseCriteria;
import dk.qnet.activity.course.service.CourseRequest;
import dk.qnet.activity.course.service.CourseCalendar;
import dk.qnet.activity.course.service.CourseService;
import dk.qnet.activity.course.service.EnrolmentRequest;
import dk.qnet.activity.course.service.SessionAttendanceRequest;
import dk.qnet.contracts.DanishTime;
import dk.qnet.contracts.activity.CourseTheme;
import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.problem.IfMatch;
import dk.qnet.platform.problem.PageResource;
import dk.qnet.platform.problem.PathIds;
import dk.qnet.platform.problem.ProblemException;
import dk.qnet.platform.time.SuiteClock;
import dk.qnet.platform.web.FormFields;
import dk.qnet.platform.web.PageCsrf;
import dk.qnet.platform.web.PageTexts;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The coordinator's course pages: her network's courses and a form for a new one; one course with
 * its sessions on a timeline, the cohort, the waiting list and completion; and a one-tap attendance
 * form per session, made for a phone. Women appear by case number only.
 */
@PageResource
@Path("/sider/forloeb")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
public class CoursePages {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d.M.yyyy 'kl.' HH:mm", PageTexts.DANISH);

    @TemplateData
    record CourseRow(UUID id, String title, String theme, String audience, String language, String status, String statusCode, int capacity,
                     int taken, int waiting, String next, String venue, String completionRule, boolean open) {
        static CourseRow of(CourseService.CourseState s, Instant now) {
            Course c = s.course();
            String next = s.sessions().stream().filter(x -> x.status == CourseSession.Status.PLANNED && x.startsAt.isAfter(now)).findFirst()
                    .map(x -> WHEN.format(x.startsAt.atZone(DanishTime.ZONE))).orElse("");
            String audience = PageTexts.of("audience", c.audience)
                    + (c.audience.children() ? " " + PageTexts.f("course.childAges", c.childMinAge + "-" + c.childMaxAge) : "");
            return new CourseRow(c.id, c.title, PageTexts.of("theme", c.theme), audience, c.language, PageTexts.of("courseStatus", c.status),
                    c.status.name(), c.capacity, s.placesTaken(), (int) s.enrolments().stream().filter(e -> e.state == Enrolment.State.APPLIED).count(),
                    next, c.venue, c.completionSessions + "/" + c.completionOutOf, c.status == Course.Status.PLANNED);
        }
    }

    @TemplateData
    record SessionRow(int number, String when, String status, String statusCode, boolean moved, boolean begun, boolean canCancel,
                      boolean canRecord, int women, int children, int leaders) {

        /** Women, children and leaders who came, as the page shows them: 5/2/1. */
        public String counts() {
            return women + "/" + children + "/" + leaders;
        }

        static SessionRow of(CourseService.CourseState s, CourseSession x, Instant now) {
            boolean begun = !x.startsAt.isAfter(now);
            boolean open = s.course().status == Course.Status.PLANNED;
            return new SessionRow(x.number, WHEN.format(x.startsAt.atZone(DanishTime.ZONE)), PageTexts.of("sessionStatus", x.status),
                    x.status.name(), x.moved, begun, open && x.status == CourseSession.Status.PLANNED,
                    open && begun && x.status != CourseSession.Status.CANCELLED, s.attendance().womenAt(x.id).size(),
                    s.attendance().womenAt(x.id).values().stream().mapToInt(Integer::intValue).sum(), s.attendance().leadersAt(x.id).size());
        }
    }

    @TemplateData
    record WomanRow(UUID id, String who, int children, String state, int position, int attended, int held, String completion,
                    String completionCode, boolean came, int childrenCame) {
    }

    @TemplateData
    record LeaderRow(UUID id, String who, boolean came) {
    }

    @TemplateData
    record Option(String value, String label) {
    }

    private final CourseService courses;
    private final AdmissionService admissions;
    private final CalendarLinks calendarLinks;
    private final CourseCalendar courseCalendar;
    private final CallerIdentity caller;
    private final PageCsrf csrf;
    private final Template list;
    private final Template detail;
    private final Template session;
    private final SuiteClock clock;

    public CoursePages(CourseService courses, AdmissionService admissions, CalendarLinks calendarLinks, CourseCalendar courseCalendar,
                          CallerIdentity caller, PageCsrf csrf,
                       @Location("courses/list.html") Template list, @Location("courses/detail.html") Template detail,
                       @Location("courses/session.html") Template session, SuiteClock clock) {
        this.courses = courses;
        this.admissions = admissions;
        this.calendarLinks = calendarLinks;
        this.courseCalendar = courseCalendar;
        this.caller = caller;
        this.csrf = csrf;
        this.list = list;
        this.detail = detail;
        this.session = session;
        this.clock = clock;
    }

    @GET
    public TemplateInstance list() {
        Instant now = clock.now();
        return list.data("courses", courses.listVisible(caller).stream().map(s -> CourseRow.of(s, now)).toList())
                .data("themes", options("theme", CourseTheme.values()))
                .data("audiences", options("audience", Course.Audience.values()))
                .data("venueKinds", options("venueKind", VenueKind.values()))
                .data("frequencies", options("frequency", CourseSchedule.Frequency.values()))
                .data("canCreate", caller.networkId().isPresent())
                .data("firstDate", clock.today().plusWeeks(1).toString())
                .data("idempotencyKey", UUID.randomUUID().toString())
                .data("error", null);
    }

    /** A new course from the form; a bad field is shown in Danish on the same page. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        csrf.verify(form.getFirst(PageCsrf.FIELD));
        try {
            CourseRequest.Schedule schedule = new CourseRequest.Schedule(FormFields.date(form, "firstDate"), form.getFirst("startTime"),
                    FormFields.number(form, "durationMinutes"), FormFields.choice(CourseSchedule.Frequency.class, form, "frequency"),
                    FormFields.number(form, "sessions"), null);
            CourseRequest request = new CourseRequest(null, form.getFirst("title"), FormFields.text(form, "description"),
                    FormFields.choice(CourseTheme.class, form, "theme"), FormFields.choice(Course.Audience.class, form, "audience"),
                    FormFields.number(form, "childMinAge"), FormFields.number(form, "childMaxAge"), form.getFirst("language"),
                    form.getFirst("venue"), FormFields.choice(VenueKind.class, form, "venueKind"), FormFields.number(form, "capacity"),
                    schedule, null, leaders(form.getFirst("staffRole")), null);
            CourseService.Created created = courses.create(request, form.getFirst("idempotencyKey"), caller);
            return seeOther(created.state().course().id);
        } catch (ProblemException e) {
            if (e.problem().status() >= 500 || e.problem().status() == 404) {
                throw e;
            }
            return Response.status(e.problem().status()).entity(list().data("error", explain(e))).build();
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") String id) {
        CourseService.CourseState s = courses.get(PathIds.uuidOrNotFound(id), caller);
        Instant now = clock.now();
        int held = s.held().size();
        List<WomanRow> cohort = new ArrayList<>();
        List<WomanRow> waiting = new ArrayList<>();
        List<WomanRow> left = new ArrayList<>();
        int position = 0;
        for (Enrolment e : s.enrolments()) {
            int attended = s.attendance().sessionsOf(e.id);
            Completion where = s.completionOf(e);
            String code = where == null ? "" : where.name();
            String completion = where != null ? PageTexts.of("completion", where)
                    : e.state == Enrolment.State.DROPPED_OUT ? PageTexts.of("dropOut", e.dropOutReason) : "";
            WomanRow row = new WomanRow(e.id, who(e), e.children, PageTexts.of("enrolment", e.state),
                    e.state == Enrolment.State.APPLIED ? ++position : 0, attended, held, completion, code, false, 0);
            switch (e.state) {
                case ADMITTED -> cohort.add(row);
                case APPLIED -> waiting.add(row);
                default -> left.add(row);
            }
        }
        return detail.data("c", CourseRow.of(s, now))
                .data("description", s.course().description == null ? "" : s.course().description)
                .data("forChildren", s.course().audience.children())
                .data("sessions", s.sessions().stream().map(x -> SessionRow.of(s, x, now)).toList())
                .data("cohort", cohort).data("waiting", waiting).data("left", left)
                .data("leaders", s.leaders().stream().map(l -> new LeaderRow(l.id, leaderName(l), false)).toList())
                .data("error", null).data("reasons", List.of()).data("calendarUrl", null);
    }

    /** The one-tap attendance form of a session: a large checkbox per admitted woman and per leader. */
    @GET
    @Path("{id}/gang/{number}")
    public TemplateInstance session(@PathParam("id") String id, @PathParam("number") String number) {
        CourseService.CourseState s = courses.get(PathIds.uuidOrNotFound(id), caller);
        int n = CourseResource.sessionNumber(number);
        CourseSession x = s.sessions().stream().filter(y -> y.number == n).findFirst().orElseThrow(ProblemException::notFound);
        var came = s.attendance().womenAt(x.id);
        List<WomanRow> women = s.enrolments().stream()
                .filter(e -> e.state == Enrolment.State.ADMITTED || (e.state == Enrolment.State.DROPPED_OUT && came.containsKey(e.id)))
                .map(e -> new WomanRow(e.id, who(e), e.children, PageTexts.of("enrolment", e.state), 0, 0, 0, "", "", came.containsKey(e.id),
                        came.getOrDefault(e.id, e.children))).toList();
        List<UUID> leadersCame = s.attendance().leadersAt(x.id);
        return session.data("c", CourseRow.of(s, clock.now())).data("s", SessionRow.of(s, x, clock.now()))
                .data("forChildren", s.course().audience.children()).data("women", women)
                .data("leaders", s.leaders().stream().map(l -> new LeaderRow(l.id, leaderName(l), leadersCame.contains(l.id))).toList());
    }

    @POST
    @Path("{id}/gang/{number}/fremmoede")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response attendance(@PathParam("id") String id, @PathParam("number") String number, MultivaluedMap<String, String> form) {
        csrf.verify(form.getFirst(PageCsrf.FIELD));
        UUID courseId = PathIds.uuidOrNotFound(id);
        List<SessionAttendanceRequest.Woman> women = new ArrayList<>();
        for (String enrolment : form.getOrDefault("came", List.of())) {
            UUID e = PathIds.uuidOrNotFound(enrolment);
            women.add(new SessionAttendanceRequest.Woman(e, FormFields.number(form, "children-" + e)));
        }
        List<UUID> leaders = form.getOrDefault("leader", List.of()).stream().map(PathIds::uuidOrNotFound).toList();
        return act(courseId, () -> courses.recordAttendance(courseId, CourseResource.sessionNumber(number), new SessionAttendanceRequest(women, leaders),
                IfMatch.NONE, caller));
    }

    @POST
    @Path("{id}/gang/{number}/aflys")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancelSession(@PathParam("id") String id, @PathParam("number") String number, MultivaluedMap<String, String> form) {
        csrf.verify(form.getFirst(PageCsrf.FIELD));
        UUID courseId = PathIds.uuidOrNotFound(id);
        return act(courseId, () -> courses.cancelSession(courseId, CourseResource.sessionNumber(number), IfMatch.NONE, caller));
    }

    /** A woman applies or is put forward, by her case (referral id). */
    @POST
    @Path("{id}/tilmeld")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response apply(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        csrf.verify(form.getFirst(PageCsrf.FIELD));
        UUID courseId = PathIds.uuidOrNotFound(id);
        return act(courseId, () -> {
            UUID referral;
            try {
                referral = UUID.fromString(form.getFirst("referralId") == null ? "" : form.getFirst("referralId").strip());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("referralId", "must be a case's full referral id");
            }
            return admissions.apply(courseId, new EnrolmentRequest(referral, FormFields.number(form, "children")), caller);
        });
    }

    @POST
    @Path("{id}/optag")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response admit(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        csrf.verify(form.getFirst(PageCsrf.FIELD));
        UUID courseId = PathIds.uuidOrNotFound(id);
        return act(courseId, () -> admissions.admit(courseId, null, caller));
    }

    @POST
    @Path("{id}/afslut")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        csrf.verify(form.getFirst(PageCsrf.FIELD));
        UUID courseId = PathIds.uuidOrNotFound(id);
        return act(courseId, () -> courses.close(courseId, IfMatch.NONE, caller));
    }

    /** A new calendar link for the course's women and leaders, shown once. */
    @POST
    @Path("{id}/kalenderlink")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance calendarLink(@PathParam("id") String id, MultivaluedMap<String, String> form, @Context UriInfo uri) {
        csrf.verify(form.getFirst(PageCsrf.FIELD));
        UUID courseId = courses.get(PathIds.uuidOrNotFound(id), caller).course().id;
        String token = courseCalendar.renew(courseId);
        return show(courseId.toString()).data("calendarUrl", calendarLinks.feedUrl(uri, token));
    }

    /** Does it and goes back to the course; a refusal is explained on the course page, in Danish. */
    private Response act(UUID courseId, java.util.function.Supplier<?> action) {
        try {
            action.get();
            return seeOther(courseId);
        } catch (ProblemException e) {
            if (e.problem().status() >= 500 || e.problem().status() == 404) {
                throw e;
            }
            List<String> reasons = e instanceof CourseCriteria.NotMet notMet ? notMet.reasons().stream()
                    .map(r -> new MessageFormat(PageTexts.m("criteria." + r.code()), PageTexts.DANISH).format(r.values().toArray())).toList()
                    : List.of();
            return Response.status(e.problem().status()).entity(show(courseId.toString()).data("error", explain(e)).data("reasons", reasons))
                    .build();
        }
    }

    /** A refusal in Danish: the text for its problem type, else for its status, naming the fields in error. */
    private static String explain(ProblemException e) {
        String type = e.problem().type();
        String slug = type == null ? "" : type.substring(type.lastIndexOf('/') + 1);
        String text = PageTexts.orElse("courseError." + slug, PageTexts.orElse("courseError." + e.problem().status(), PageTexts.m("courseError.other")));
        if (e.problem().errors() != null && !e.problem().errors().isEmpty()) {
            text += " " + String.join(", ", e.problem().errors().stream().map(f -> PageTexts.orElse("courseField." + f.field(), f.field())).toList());
        }
        return text;
    }

    private static Response seeOther(UUID courseId) {
        return Response.seeOther(URI.create("/sider/forloeb/" + courseId)).build();
    }

    private static String who(Enrolment e) {
        return e.referralId == null ? PageTexts.m("course.anonymous") : PageTexts.f("course.case", e.referralId.toString().substring(0, 8));
    }

    private static String leaderName(dk.qnet.activity.course.CourseLeader l) {
        return l.staffRole != null ? l.staffRole : PageTexts.f("course.volunteer", l.volunteerId.toString().substring(0, 8));
    }

    private static List<CourseRequest.Leader> leaders(String staffRole) {
        return staffRole == null || staffRole.isBlank() ? List.of() : List.of(new CourseRequest.Leader(null, staffRole.strip()));
    }

    private static List<Option> options(String prefix, Enum<?>[] values) {
        return Arrays.stream(values).map(v -> new Option(v.name(), PageTexts.of(prefix, v))).toList();
    }
}
