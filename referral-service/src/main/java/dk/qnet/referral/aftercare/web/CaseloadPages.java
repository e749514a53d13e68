package dk.qnet.referral.aftercare.web;

import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.referral.aftercare.AftercareAccess;
import dk.qnet.referral.aftercare.AftercareRequests;
import dk.qnet.referral.aftercare.AftercareService;
import dk.qnet.referral.aftercare.AftercareView;
import dk.qnet.referral.aftercare.AftercareWindow;
import dk.qnet.referral.aftercare.HandoverRole;
import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.problem.PageResource;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The adviser's caseload page: the women of her municipality, what is due first (AftercarePages shows one). */
@PageResource
@Path("/sider/eftervaern")
@Produces(MediaType.TEXT_HTML)
public class CaseloadPages {

    private static final int PAGE_SIZE = 50;

    private final AftercareService aftercare;
    private final CallerIdentity caller;
    private final Template caseload;

    public CaseloadPages(AftercareService aftercare, CallerIdentity caller, @Location("aftercare/caseload.html") Template caseload) {
        this.aftercare = aftercare;
        this.caller = caller;
        this.caseload = caseload;
    }

    @GET
    @RolesAllowed(Roles.ADVISER)
    public TemplateInstance caseload(@QueryParam("side") int page) {
        int p = Math.max(0, Math.min(page, 10_000));
        List<AftercarePages.Row> rows = aftercare.caseload(caller, p, PAGE_SIZE).stream().map(AftercarePages.Row::of).toList();
        long total = aftercare.caseloadSize(caller);
        return caseload.data("rows", rows).data("total", total).data("page", p).data("lastPage", (total - 1) / PAGE_SIZE)
                .data("warnings", rows.stream().filter(r -> !r.warning().isEmpty() || r.handoverMissing()).count());
    }

}
