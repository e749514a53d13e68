package dk.qnet.referral.aftercare;

import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.problem.IfMatch;
import dk.qnet.platform.problem.PathIds;
import dk.qnet.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The §109 workspace in the API: a woman's aftercare window, handover, caseworker and shared plan,
 * for the shelter that referred her, the adviser of her municipality (with her consent to share
 * with it), her Qnet coordinator (Qnet's goals) and, read-only without notes, the administrator.
 * Answers carry personal data (the notes): {@code no-store}.
 */
@Path("/api/v1/referrals/{id}/aftercare")
@Produces(MediaType.APPLICATION_JSON)
public class AftercareResource {

    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;
    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    private final AftercareService aftercare;
    private final CallerIdentity caller;

    public AftercareResource(AftercareService aftercare, CallerIdentity caller) {
        this.aftercare = aftercare;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.SHELTER, Roles.ADVISER, Roles.COORDINATOR, Roles.ADMIN})
    @APIResponse(responseCode = "200", description = "Her aftercare as the caller may see it; ETag names its version for If-Match.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AftercareView.class)))
    @APIResponse(responseCode = "404", description = "No such referral, or not one the caller works on.")
    public Response get(@PathParam("id") String id) {
        return answer(aftercare.view(PathIds.uuidOrNotFound(id), caller));
    }

    @GET
    @Path("history")
    @RolesAllowed({Roles.SHELTER, Roles.ADVISER, Roles.COORDINATOR, Roles.ADMIN})
    @APIResponse(responseCode = "200", description = "The dated steps of the window and the plan, oldest first; codes and dates only.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, maxItems = AftercareService.MAX_STEPS, implementation = AftercareView.Step.class)))
    public List<AftercareView.Step> history(@PathParam("id") String id) {
        return aftercare.history(PathIds.uuidOrNotFound(id), caller);
    }

    @PUT
    @Path("move-out")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SHELTER)
    @APIResponse(responseCode = "200", description = "Recorded (a resend of the same dates changes nothing). The actual move-out opens the 6-month window.")
    @APIResponse(responseCode = "400", description = "A date in the future, before the referral was received, or neither date given.")
    @APIResponse(responseCode = "409", description = "The actual move-out was recorded already with another date; `current` holds the window.")
    @APIResponse(responseCode = "412", description = "If-Match names an older version.")
    public Response moveOut(@PathParam("id") String id, @HeaderParam(IfMatch.HEADER) String ifMatch, AftercareRequests.MoveOut body) {
        return answer(aftercare.recordMoveOut(PathIds.uuidOrNotFound(id), body, IfMatch.parse(ifMatch), caller));
    }

    @POST
    @Path("extension")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADVISER)
    @APIResponse(responseCode = "200", description = "Extended (a resend of the same extension changes nothing).")
    @APIResponse(responseCode = "409", description = "No window yet, extended once already, ended, or the day not after 6 and within 12 months of the move-out; `current` holds the window.")
    @APIResponse(responseCode = "412", description = "If-Match names an older version.")
    public Response extend(@PathParam("id") String id, @HeaderParam(IfMatch.HEADER) String ifMatch, AftercareRequests.Extension body) {
        return answer(aftercare.extend(PathIds.uuidOrNotFound(id), body, IfMatch.parse(ifMatch), caller));
    }

    @PUT
    @Path("handover")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SHELTER, Roles.ADVISER})
    @APIResponse(responseCode = "200", description = "The handover meeting as it now stands.")
    @APIResponse(responseCode = "412", description = "If-Match names an older version.")
    public Response handover(@PathParam("id") String id, @HeaderParam(IfMatch.HEADER) String ifMatch, AftercareRequests.Handover body) {
        return answer(aftercare.recordHandover(PathIds.uuidOrNotFound(id), body, IfMatch.parse(ifMatch), caller));
    }

    @PUT
    @Path("caseworker")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADVISER)
    @APIResponse(responseCode = "200", description = "Her named coordinating caseworker: a name and a work contact.")
    @APIResponse(responseCode = "412", description = "If-Match names an older version.")
    public Response caseworker(@PathParam("id") String id, @HeaderParam(IfMatch.HEADER) String ifMatch, AftercareRequests.Caseworker body) {
        return answer(aftercare.assignCaseworker(PathIds.uuidOrNotFound(id), body, IfMatch.parse(ifMatch), caller));
    }

    @POST
    @Path("goals")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SHELTER, Roles.ADVISER})
    @APIResponse(responseCode = "201", description = "Added; Location names it, ETag its version. A resend with the same Idempotency-Key answers the same goal.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AftercareView.Goal.class)))
    @APIResponse(responseCode = "409", description = "The plan holds " + AftercareRequests.MAX_GOALS + " goals already.")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before for another goal: nothing was stored.")
    public Response addGoal(@PathParam("id") String id,
                            @HeaderParam("Idempotency-Key") @Parameter(description = "A resent request with the same key answers the first one's goal.",
                                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = MAX_IDEMPOTENCY_KEY_LENGTH)) String idempotencyKey,
                            AftercareRequests.NewGoal body, @Context UriInfo uri) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH)) {
            throw ProblemException.invalid("Idempotency-Key", "must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
        }
        AftercareService.CreatedGoal created = aftercare.addGoal(PathIds.uuidOrNotFound(id), body, idempotencyKey, caller);
        return Response.created(uri.getAbsolutePathBuilder().path(created.goal().id.toString()).build())
                .entity(aftercare.goalView(created.goal(), caller)).cacheControl(NO_STORE)
                .header(HttpHeaders.ETAG, IfMatch.etagOf(created.goal().version)).build();
    }

    @PATCH
    @Path("goals/{goalId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SHELTER, Roles.ADVISER, Roles.COORDINATOR})
    @APIResponse(responseCode = "200", description = "The goal as it now stands; ETag its new version.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AftercareView.Goal.class)))
    @APIResponse(responseCode = "403", description = "A Qnet coordinator sent more than a status.")
    @APIResponse(responseCode = "412", description = "If-Match names an older version of the goal: someone changed it meanwhile, nothing was changed.")
    public Response changeGoal(@PathParam("id") String id, @PathParam("goalId") String goalId, @HeaderParam(IfMatch.HEADER) String ifMatch,
                               AftercareRequests.GoalChange body) {
        PlanGoal g = aftercare.changeGoal(PathIds.uuidOrNotFound(id), PathIds.uuidOrNotFound(goalId), body, IfMatch.parse(ifMatch), caller);
        return Response.ok(aftercare.goalView(g, caller)).cacheControl(NO_STORE).header(HttpHeaders.ETAG, IfMatch.etagOf(g.version)).build();
    }

    private static Response answer(AftercareView view) {
        return Response.ok(view).cacheControl(NO_STORE).header(HttpHeaders.ETAG, IfMatch.etagOf(view.version())).build();
    }
}
