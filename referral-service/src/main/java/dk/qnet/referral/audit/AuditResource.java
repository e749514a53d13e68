package dk.qnet.referral.audit;

import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.paging.Page;
import dk.qnet.platform.paging.PageRequest;
import dk.qnet.platform.problem.PathIds;
import dk.qnet.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

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
    public Page<AuditLog.Entry> forReferral(@QueryParam("referralId") @Parameter(description = "The referral's id; a malformed one finds nothing (404).",
                                                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String referralId,
                                            @QueryParam("page") String page,
                                            @QueryParam("size") String size) {
        if (referralId == null) {
            throw ProblemException.invalid("referralId", "is required");
        }
        PageRequest request = PageRequest.of(page, size);
        UUID id = PathIds.uuidOrNotFound(referralId);
        return request.answer(audit.forReferral(id, request.offset(), request.size()), audit.count(id));
    }

    /** Recomputes the whole hash chain; valid is false, with the first broken entry, after tampering. */
    @GET
    @Path("verify")
    public AuditLog.Verification verify() {
        return audit.verify();
    }
}
