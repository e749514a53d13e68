package dk.qnet.matching.board;

import dk.qnet.matching.attention.AttentionService;
import dk.qnet.matching.match.MatchService;
import dk.qnet.matching.proposal.MatchingRunService;
import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.paging.Page;
import dk.qnet.platform.paging.PageRequest;
import dk.qnet.platform.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Matching runs, their proposals (each with its explanation) and matches, for the network's coordinator. */
@Path("/api/v1/networks/{networkId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
public class BoardResource {

    private final MatchingRunService runs;
    private final MatchService matches;
    private final AttentionService attention;
    private final CallerIdentity caller;

    public BoardResource(MatchingRunService runs, MatchService matches, AttentionService attention, CallerIdentity caller) {
        this.runs = runs;
        this.matches = matches;
        this.attention = attention;
        this.caller = caller;
    }

    /** What needs the coordinator's attention in the network today. */
    @GET
    @Path("attention")
    public AttentionService.Attention attention(@PathParam("networkId") String networkId) {
        runs.requireOwn(networkId, caller);
        return attention.forNetwork(networkId);
    }

    /** The network's matches, newest first. (All routes under /networks/{id}/ live here: JAX-RS picks one class per prefix.) */
    @GET
    @Path("matches")
    public Page<MatchService.MatchView> matches(@PathParam("networkId") String networkId, @QueryParam("page") String page,
                                                @QueryParam("size") String size) {
        return matches.page(networkId, caller, PageRequest.of(page, size));
    }

    @POST
    @Path("matching-runs")
    public List<MatchingRunService.ProposalView> run(@PathParam("networkId") String networkId) {
        return runs.run(networkId, caller);
    }

    @GET
    @Path("proposals")
    public Page<MatchingRunService.ProposalView> proposals(@PathParam("networkId") String networkId, @QueryParam("page") String page,
                                                          @QueryParam("size") String size) {
        // Open proposals are at most one per waiting woman of the network: paged from that bounded list.
        return PageRequest.of(page, size).slice(runs.list(networkId, caller));
    }
}
