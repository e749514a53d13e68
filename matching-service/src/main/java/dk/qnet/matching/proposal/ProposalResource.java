package dk.qnet.matching.proposal;

import dk.qnet.matching.match.MatchService;
import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.problem.PathIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Approving a proposal, for the network's coordinator (and admin). */
@Path("/api/v1/proposals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
public class ProposalResource {

    private final ProposalService proposals;
    private final CallerIdentity caller;

    public ProposalResource(ProposalService proposals, CallerIdentity caller) {
        this.proposals = proposals;
        this.caller = caller;
    }

    @POST
    @Path("{id}/approve")
    public MatchService.MatchView approve(@PathParam("id") String id) {
        return proposals.approve(PathIds.uuidOrNotFound(id), caller);
    }
}
