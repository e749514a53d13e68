package dk.qnet.matching.proposal;

import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Matching runs and their proposals, each with its explanation, for the network's coordinator. */
@Path("/api/v1/networks/{networkId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
public class ProposalResource {

    private final MatchingRunService runs;
    private final CallerIdentity caller;

    public ProposalResource(MatchingRunService runs, CallerIdentity caller) {
        this.runs = runs;
        this.caller = caller;
    }

    @POST
    @Path("matching-runs")
    public List<MatchingRunService.ProposalView> run(@PathParam("networkId") String networkId) {
        return runs.run(networkId, caller);
    }

    @GET
    @Path("proposals")
    public List<MatchingRunService.ProposalView> proposals(@PathParam("networkId") String networkId) {
        return runs.list(networkId, caller);
    }
}
