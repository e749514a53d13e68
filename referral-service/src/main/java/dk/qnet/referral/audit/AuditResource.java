package dk.qnet.referral.audit;

import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.problem.PathIds;
import dk.qnet.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The read audit, for administrators only. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AuditResource {

    private final AuditLog audit;

    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    public List<AuditLog.Entry> forReferral(@QueryParam("referralId") String referralId, @QueryParam("limit") Integer limit) {
        if (referralId == null) {
            throw ProblemException.invalid("referralId", "is required");
        }
        int l = limit == null ? 500 : limit;
        if (l < 1 || l > 5000) {
            throw ProblemException.invalid("limit", "must be from 1 to 5000");
        }
        return audit.forReferral(PathIds.uuidOrNotFound(referralId), l);
    }

    /** Recomputes the whole hash chain; valid is false, with the first broken entry, after tampering. */
    @GET
    @Path("verify")
    public AuditLog.Verification verify() {
        return audit.verify();
    }
}
