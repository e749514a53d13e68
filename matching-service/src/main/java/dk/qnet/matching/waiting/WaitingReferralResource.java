package dk.qnet.matching.waiting;

import dk.qnet.contracts.Limits;
import dk.qnet.contracts.network.NetworkIds;
import dk.qnet.matching.waiting.WaitingReferral;
import dk.qnet.matching.waiting.WaitingReferralService;
import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.problem.PathIds;
import dk.qnet.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Path("/api/v1/waiting-referrals")
@Produces(MediaType.APPLICATION_JSON)
public class WaitingReferralResource {

    /** referral-service takes at most 10 children a referral. */
    static final int MAX_CHILDREN = 10;

    public record WaitingReferralView(UUID referralId, @Schema(maxLength = Limits.MUNICIPALITY_CODE_LENGTH) String municipalityCode,
                                      @Schema(maxLength = NetworkIds.MAX_LENGTH) String networkId,
                                      @Schema(maxItems = MAX_CHILDREN) List<@Min(2000) @Max(2100) Integer> childrenBirthYears,
                                      Instant receivedAt, Instant waitingSince) {

        static WaitingReferralView of(WaitingReferral w) {
            return new WaitingReferralView(w.referralId, w.municipalityCode, w.networkId, w.childrenBirthYears,
                    w.receivedAt, w.waitingSince);
        }
    }

    private final WaitingReferralService waiting;
    private final CallerIdentity caller;

    public WaitingReferralResource(WaitingReferralService waiting, CallerIdentity caller) {
        this.waiting = waiting;
        this.caller = caller;
    }

    @GET
    @Path("{referralId}")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    public WaitingReferralView get(@PathParam("referralId") String referralId) {
        return waiting.findVisible(PathIds.uuidOrNotFound(referralId), caller).map(WaitingReferralView::of).orElseThrow(ProblemException::notFound);
    }
}
