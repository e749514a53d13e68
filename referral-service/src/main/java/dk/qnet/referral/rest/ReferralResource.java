package dk.qnet.referral.rest;

import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.problem.PathIds;
import dk.qnet.platform.problem.ProblemException;
import dk.qnet.referral.service.ReferralService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

@Path("/api/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralResource {

    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;

    private final ReferralService referrals;
    private final CallerIdentity caller;

    public ReferralResource(ReferralService referrals, CallerIdentity caller) {
        this.referrals = referrals;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SHELTER, Roles.ADVISER})
    public Response create(NewReferral body, @HeaderParam("Idempotency-Key") String idempotencyKey, @Context UriInfo uri) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH)) {
            throw ProblemException.invalid("Idempotency-Key", "must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
        }
        ReferralService.Created created = referrals.create(body, idempotencyKey, caller);
        return Response.created(uri.getAbsolutePathBuilder().path(created.referral().id.toString()).build())
                .entity(ReferralView.of(created.referral()))
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SHELTER, Roles.ADVISER, Roles.COORDINATOR, Roles.ADMIN})
    public ReferralView get(@PathParam("id") String id) {
        return referrals.findVisible(PathIds.uuidOrNotFound(id), caller).map(ReferralView::of)
                .orElseThrow(ProblemException::notFound);
    }
}
