package dk.qnet.matching.match;

import dk.qnet.contracts.match.MatchEndReason;
import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.problem.PathIds;
import dk.qnet.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Following matches, for the network's coordinator (and admin). */
@Path("/api/v1/matches")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
public class MatchResource {

    public record Answer(Boolean accepted) {
    }

    /** A meeting is a date and a duration: there is no field for notes about the woman. */
    public record Meeting(LocalDate heldOn, @Min(1) @Max(MatchService.MAX_MEETING_MINUTES) Integer durationMinutes) {
    }

    public record End(MatchEndReason reason) {
    }

    private final MatchService matches;
    private final OutcomeService outcomes;
    private final CallerIdentity caller;

    public MatchResource(MatchService matches, OutcomeService outcomes, CallerIdentity caller) {
        this.matches = matches;
        this.outcomes = outcomes;
        this.caller = caller;
    }

    @POST
    @Path("{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    public MatchService.MatchView answer(@PathParam("id") String id, Answer body) {
        if (body == null || body.accepted() == null) {
            throw ProblemException.invalid("accepted", "is required: true or false");
        }
        return matches.answer(PathIds.uuidOrNotFound(id), body.accepted(), caller);
    }

    @POST
    @Path("{id}/meetings")
    @Consumes(MediaType.APPLICATION_JSON)
    public MatchService.MatchView meeting(@PathParam("id") String id, Meeting body) {
        if (body == null) {
            throw ProblemException.invalid("body", "is required");
        }
        return matches.logMeeting(PathIds.uuidOrNotFound(id), body.heldOn(), body.durationMinutes(), caller);
    }

    @POST
    @Path("{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    public MatchService.MatchView end(@PathParam("id") String id, End body) {
        return matches.end(PathIds.uuidOrNotFound(id), body == null ? null : body.reason(), caller);
    }

    @POST
    @Path("{id}/outcomes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response recordOutcome(@PathParam("id") String id, OutcomeService.OutcomeRequest body) {
        UUID matchId = PathIds.uuidOrNotFound(id);
        return Response.status(Response.Status.CREATED).entity(outcomes.record(matchId, body, caller)).build();
    }

    @GET
    @Path("{id}/outcomes")
    @APIResponse(responseCode = "200", description = "Her ratings, one per timepoint at most.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, maxItems = OutcomeService.TIMEPOINTS, implementation = OutcomeService.OutcomeView.class)))
    public List<OutcomeService.OutcomeView> outcomes(@PathParam("id") String id) {
        return outcomes.list(PathIds.uuidOrNotFound(id), caller);
    }
}
