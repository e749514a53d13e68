package dk.qnet.activity.web;

import dk.qnet.activity.Activity;
import dk.qnet.activity.Registration;
import dk.qnet.activity.calendar.CalendarLinks;
import dk.qnet.activity.service.ActivityService;
import dk.qnet.activity.service.AttendanceRequest;
import dk.qnet.activity.service.RegistrationService;
import dk.qnet.contracts.DanishTime;
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
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * The coordinator's activity pages: the calendar of the network's activities, one activity with
 * its registrations and waitlist, attendance after the event, and the calendar link.
 */
@PageResource
@Path("/sider/aktiviteter")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
public class ActivityPages {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d.M.yyyy 'kl.' HH:mm", PageTexts.DANISH);

    @TemplateData
    record ActivityRow(UUID id, String title, String type, String when, String venue, String status, String statusCode,
                       int capacity, int confirmed, int waiting, boolean past, String attended) {
        static ActivityRow of(Activity a, List<Registration> registrations, Instant now) {
            int confirmed = Registration.heads(registrations, Registration.State.CONFIRMED);
            int waiting = Registration.heads(registrations, Registration.State.WAITLISTED);
            String attended = a.attendedWomen == null ? "" : PageTexts.f("activity.attendedCounts",
                    a.attendedWomen + "/" + a.attendedChildren + "/" + a.attendedVolunteers);
            return new ActivityRow(a.id, a.title, PageTexts.of("type", a.type), WHEN.format(a.startsAt.atZone(DanishTime.ZONE)),
                    a.venue == null ? "" : a.venue, PageTexts.of("activityStatus", a.status), a.status.name(), a.capacity,
                    confirmed, waiting, a.startsAt.isBefore(now), attended);
        }

    }

    @TemplateData
    record RegistrationRow(UUID id, String kind, String who, int women, int children, int volunteers, String state,
                           boolean attended) {
        static RegistrationRow of(Registration r) {
            String who = r.referralId != null ? PageTexts.f("activity.case", r.referralId.toString().substring(0, 8)) : "";
            return new RegistrationRow(r.id, PageTexts.of("kind", r.kind), who, r.women, r.children, r.volunteers,
                    PageTexts.of("registration", r.state), Boolean.TRUE.equals(r.attended));
        }
    }

    private final ActivityService activities;
    private final RegistrationService registrations;
    private final CalendarLinks calendarLinks;
    private final CallerIdentity caller;
    private final PageCsrf csrf;
    private final Template calendar;
    private final Template detail;
    private final SuiteClock clock;

    public ActivityPages(ActivityService activities, RegistrationService registrations, CalendarLinks calendarLinks,
                         CallerIdentity caller, PageCsrf csrf, @Location("activities/calendar.html") Template calendar,
                         @Location("activities/detail.html") Template detail, SuiteClock clock) {
        this.activities = activities;
        this.registrations = registrations;
        this.calendarLinks = calendarLinks;
        this.caller = caller;
        this.csrf = csrf;
        this.calendar = calendar;
        this.detail = detail;
        this.clock = clock;
    }

    @GET
    public TemplateInstance calendar() {
        List<ActivityRow> rows = activities.listVisible(caller, null).stream()
                .map(a -> ActivityRow.of(a, registrations.list(a.id, caller), clock.now())).toList();
        return calendar.data("upcoming", rows.stream().filter(r -> !r.past()).toList())
                .data("past", rows.stream().filter(ActivityRow::past).toList())
                .data("calendarUrl", null)
                .data("canLink", caller.networkId().isPresent());
    }

    /** A new secret calendar link for the network (the old one stops working), shown once. */
    @POST
    @Path("kalenderlink")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance calendarLink(MultivaluedMap<String, String> body, @Context UriInfo uri) {
        csrf.verify(body.getFirst(PageCsrf.FIELD));
        String networkId = caller.required(caller.networkId(), Roles.NETWORK_CLAIM);
        String token = calendarLinks.renew(networkId);
        return calendar().data("calendarUrl", calendarLinks.feedUrl(uri, token));
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") String id) {
        UUID activityId = PathIds.uuidOrNotFound(id);
        Activity a = activities.get(activityId, caller);
        List<Registration> regs = registrations.list(activityId, caller);
        return detail.data("a", ActivityRow.of(a, regs, clock.now()))
                .data("description", a.description == null ? "" : a.description)
                .data("registrations", regs.stream().filter(r -> r.state != Registration.State.CANCELLED)
                        .map(RegistrationRow::of).toList());
    }

    /** Attendance after the event: who came (by registration) and the head counts. */
    @POST
    @Path("{id}/fremmoede")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response attendance(@PathParam("id") String id, MultivaluedMap<String, String> body) {
        csrf.verify(body.getFirst(PageCsrf.FIELD));
        UUID activityId = PathIds.uuidOrNotFound(id);
        List<UUID> attended = body.getOrDefault("attended", List.of()).stream().map(PathIds::uuidOrNotFound).toList();
        activities.recordAttendance(activityId, new AttendanceRequest(attended, FormFields.number(body, "women"), FormFields.number(body, "children"),
                FormFields.number(body, "volunteers")), IfMatch.NONE, caller);
        return Response.seeOther(URI.create("/sider/aktiviteter/" + activityId)).build();
    }
}
