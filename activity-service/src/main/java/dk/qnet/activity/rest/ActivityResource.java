package dk.qnet.activity.rest;

import dk.qnet.activity.Activity;
import dk.qnet.activity.ActivityStatus;
import dk.qnet.activity.Registration;
import dk.qnet.activity.VenueKind;
import dk.qnet.activity.service.ActivityRequest;
import dk.qnet.activity.service.ActivityService;
import dk.qnet.activity.service.ActivityValidator;
import dk.qnet.activity.service.AttendanceRequest;
import dk.qnet.activity.service.RegistrationRequest;
import dk.qnet.activity.service.RegistrationService;
import dk.qnet.contracts.Limits;
import dk.qnet.contracts.activity.ActivityType;
import dk.qnet.contracts.activity.Audience;
import dk.qnet.contracts.network.NetworkIds;
import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.paging.Page;
import dk.qnet.platform.paging.PageRequest;
import dk.qnet.platform.problem.IfMatch;
import dk.qnet.platform.problem.PathIds;
import dk.qnet.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestResponse;

/** A network's activities, for its coordinator (and admin). Others' activities are 404. */
@Path("/api/v1/activities")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
public class ActivityResource {

    public record ActivityView(UUID id, @Schema(maxLength = NetworkIds.MAX_LENGTH) String networkId,
                               @Schema(maxLength = ActivityValidator.MAX_TITLE) String title,
                               @Schema(maxLength = ActivityValidator.MAX_DESCRIPTION) String description, ActivityType type,
                               Instant startsAt, Instant endsAt, @Schema(maxLength = ActivityValidator.MAX_VENUE) String venue,
                               VenueKind venueKind, @Schema(maxItems = Limits.MAX_CODES) List<Audience> audience,
                               @Schema(minimum = "1", maximum = "" + ActivityValidator.MAX_CAPACITY) int capacity, Instant signupDeadline,
                               ActivityStatus status,
                               @Schema(minimum = "0", maximum = "" + ActivityValidator.MAX_CAPACITY, description = "Heads confirmed.") int confirmed,
                               @Schema(minimum = "0", maximum = "" + Integer.MAX_VALUE, description = "Heads on the waiting list.") int waiting,
                               @Schema(minimum = "0", maximum = "" + ActivityValidator.MAX_CAPACITY) Integer attendedWomen, @Schema(minimum = "0", maximum = "" + ActivityValidator.MAX_CAPACITY) Integer attendedChildren,
                               @Schema(minimum = "0", maximum = "" + ActivityValidator.MAX_CAPACITY) Integer attendedVolunteers) {

        static ActivityView of(Activity a, List<Registration> registrations) {
            int confirmed = Registration.heads(registrations, Registration.State.CONFIRMED);
            int waiting = Registration.heads(registrations, Registration.State.WAITLISTED);
            return new ActivityView(a.id, a.networkId, a.title, a.description, a.type, a.startsAt, a.endsAt, a.venue,
                    a.venueKind, a.audience, a.capacity, a.signupDeadline, a.status, confirmed, waiting,
                    a.attendedWomen, a.attendedChildren, a.attendedVolunteers);
        }

    }

    public record RegistrationView(UUID id, Registration.Kind kind, UUID referralId, UUID volunteerId, @Schema(minimum = "0", maximum = "" + ActivityValidator.MAX_HEADS) int women,
                                   @Schema(minimum = "0", maximum = "" + ActivityValidator.MAX_HEADS) int children, @Schema(minimum = "0", maximum = "" + ActivityValidator.MAX_HEADS) int volunteers, Registration.State state, Boolean attended) {

        static RegistrationView of(Registration r) {
            return new RegistrationView(r.id, r.kind, r.referralId, r.volunteerId, r.women, r.children, r.volunteers,
                    r.state, r.attended);
        }
    }

    private final ActivityService activities;
    private final RegistrationService registrations;
    private final CallerIdentity caller;

    public ActivityResource(ActivityService activities, RegistrationService registrations, CallerIdentity caller) {
        this.activities = activities;
        this.registrations = registrations;
        this.caller = caller;
    }

    @GET
    public Page<ActivityView> list(@QueryParam("status") @Parameter(schema = @Schema(implementation = ActivityStatus.class)) String status, @QueryParam("page") String page, @QueryParam("size") String size) {
        ActivityStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = ActivityStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("status", "must be PLANNED, CANCELLED or HELD");
            }
        }
        return activities.page(caller, s, PageRequest.of(page, size)).map(a -> ActivityView.of(a, List.of()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ActivityRequest body, @Context UriInfo uri) {
        Activity a = activities.create(body, caller);
        return Response.created(uri.getAbsolutePathBuilder().path(a.id.toString()).build())
                .entity(ActivityView.of(a, List.of())).build();
    }

    @GET
    @Path("{id}")
    public RestResponse<ActivityView> get(@PathParam("id") String id) {
        UUID activityId = PathIds.uuidOrNotFound(id);
        return tagged(activities.get(activityId, caller), registrations.list(activityId, caller));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<ActivityView> update(@PathParam("id") String id, @HeaderParam(IfMatch.HEADER) String ifMatch, ActivityRequest body) {
        UUID activityId = PathIds.uuidOrNotFound(id);
        return tagged(activities.update(activityId, body, IfMatch.parse(ifMatch), caller), registrations.list(activityId, caller));
    }

    @POST
    @Path("{id}/cancel")
    public RestResponse<ActivityView> cancel(@PathParam("id") String id, @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return tagged(activities.cancel(PathIds.uuidOrNotFound(id), IfMatch.parse(ifMatch), caller), List.of());
    }

    @POST
    @Path("{id}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<ActivityView> attendance(@PathParam("id") String id, @HeaderParam(IfMatch.HEADER) String ifMatch,
                                                 AttendanceRequest body) {
        UUID activityId = PathIds.uuidOrNotFound(id);
        return tagged(activities.recordAttendance(activityId, body, IfMatch.parse(ifMatch), caller), registrations.list(activityId, caller));
    }

    /** The activity with its ETag, which an update sends back in If-Match. */
    private static RestResponse<ActivityView> tagged(Activity a, List<Registration> registrations) {
        return RestResponse.ResponseBuilder.ok(ActivityView.of(a, registrations)).header(HttpHeaders.ETAG, IfMatch.etagOf(a.version)).build();
    }

    @GET
    @Path("{id}/registrations")
    public Page<RegistrationView> registrations(@PathParam("id") String id, @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
        // An activity's registrations are few (its capacity, at most 1000, and its waiting list): paged from that list.
        return request.slice(registrations.list(PathIds.uuidOrNotFound(id), caller)).map(RegistrationView::of);
    }

    @POST
    @Path("{id}/registrations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@PathParam("id") String id, RegistrationRequest body, @Context UriInfo uri) {
        Registration r = registrations.register(PathIds.uuidOrNotFound(id), body, caller);
        return Response.created(uri.getAbsolutePathBuilder().path(r.id.toString()).build()).entity(RegistrationView.of(r)).build();
    }

    @DELETE
    @Path("{id}/registrations/{registrationId}")
    public RegistrationView cancelRegistration(@PathParam("id") String id, @PathParam("registrationId") String registrationId) {
        return RegistrationView.of(registrations.cancel(PathIds.uuidOrNotFound(id), PathIds.uuidOrNotFound(registrationId), caller));
    }
}
