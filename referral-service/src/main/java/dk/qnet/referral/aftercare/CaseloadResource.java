package dk.qnet.referral.aftercare;

import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.paging.Page;
import dk.qnet.platform.paging.PageRequest;
import dk.qnet.referral.config.ReferralConfig;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The adviser's caseload, at its own path: the women of her municipality, what is due first. */
@Path("/api/v1/aftercare")
@Produces(MediaType.APPLICATION_JSON)
public class CaseloadResource {

    private final AftercareService aftercare;
    private final ReferralConfig config;
    private final CallerIdentity caller;

    public CaseloadResource(AftercareService aftercare, ReferralConfig config, CallerIdentity caller) {
        this.aftercare = aftercare;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @Path("caseload")
    @RolesAllowed(Roles.ADVISER)
    @APIResponse(responseCode = "200", description = "Every woman of the adviser's municipality who consented to share with it, "
            + "whoever referred her: ended windows with goals open and the nearest ends first, then those not yet moved out by "
            + "expected move-out, closed windows last. Dates, codes and counts only.")
    public Page<AftercareView.CaseloadEntry> caseload(@QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size, config.maxPageSize());
        return request.answer(aftercare.caseload(caller, request.page(), request.size()), aftercare.caseloadSize(caller));
    }
}
