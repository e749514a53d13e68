package dk.qnet.referral.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.problem.PathIds;
import dk.qnet.platform.problem.Problem;
import dk.qnet.platform.problem.ProblemException;
import dk.qnet.referral.service.ReferralService;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A referral as FHIR R4 (a Bundle of a ServiceRequest and its Task), with what the caller may see
 * and never personal data. A FHIR client gets its errors the FHIR way too: an OperationOutcome
 * (application/fhir+json) with the same status and words the problem+json answers carry elsewhere.
 */
@Path("/api/v1/referrals/{id}/fhir")
@Produces({FhirReferralMapper.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class FhirReferralResource {

    private final ReferralService referrals;
    private final CallerIdentity caller;
    private final FhirReferralMapper fhir = new FhirReferralMapper();
    private final FhirCarePlanMapper carePlans = new FhirCarePlanMapper();
    private final dk.qnet.referral.aftercare.AftercareService aftercare;
    private final dk.qnet.platform.time.SuiteClock clock;
    private final ObjectMapper json = new ObjectMapper();

    public FhirReferralResource(ReferralService referrals, dk.qnet.referral.aftercare.AftercareService aftercare, CallerIdentity caller,
                                dk.qnet.platform.time.SuiteClock clock) {
        this.referrals = referrals;
        this.clock = clock;
        this.aftercare = aftercare;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.SHELTER, Roles.ADVISER, Roles.COORDINATOR, Roles.ADMIN})
    @APIResponse(responseCode = "200", description = "A FHIR R4 Bundle (collection): the ServiceRequest and its Task; an adviser gets the Task only.",
            content = @Content(mediaType = FhirReferralMapper.MEDIA_TYPE,
                    schema = @Schema(type = SchemaType.OBJECT, description = "A FHIR R4 Bundle (http://hl7.org/fhir/R4/bundle.html).")))
    public Response bundle(@PathParam("id") String id) {
        ReferralService.Visible visible = referrals.visibleTo(PathIds.uuidOrNotFound(id), caller);
        return Response.ok(fhir.bundle(visible.referral(), visible.statusOnly()).toString(), FhirReferralMapper.MEDIA_TYPE).build();
    }

    /**
     * Her §109 aftercare plan as a FHIR R4 CarePlan with its Goals, as the caller may see it (the
     * same access as GET /api/v1/referrals/{id}/aftercare; a note read is audited).
     */
    @GET
    @jakarta.ws.rs.Path("careplan")
    @RolesAllowed({Roles.SHELTER, Roles.ADVISER, Roles.COORDINATOR, Roles.ADMIN})
    @APIResponse(responseCode = "200", description = "A FHIR R4 Bundle (collection): the CarePlan (its period the aftercare window) and one Goal per goal the caller sees.",
            content = @Content(mediaType = FhirReferralMapper.MEDIA_TYPE,
                    schema = @Schema(type = SchemaType.OBJECT, description = "A FHIR R4 Bundle (http://hl7.org/fhir/R4/bundle.html).")))
    public Response carePlan(@PathParam("id") String id) {
        var view = aftercare.view(PathIds.uuidOrNotFound(id), caller);
        return Response.ok(carePlans.bundle(view, clock.now()).toString(), FhirReferralMapper.MEDIA_TYPE)
                .cacheControl(jakarta.ws.rs.core.CacheControl.valueOf("no-store")).build();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder answer = outcome(e.problem());
        e.headers().forEach(answer::header);
        return answer.build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return outcome(Problem.forStatus(403)).build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return outcome(Problem.forStatus(401)).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"qnet\"").build();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized(null);
    }

    /** The problem as a FHIR OperationOutcome with one issue: its severity, FHIR's issue type for the status, and the detail. */
    Response.ResponseBuilder outcome(Problem problem) {
        ObjectNode outcome = json.createObjectNode();
        outcome.put("resourceType", "OperationOutcome");
        outcome.putArray("issue").addObject()
                .put("severity", "error")
                .put("code", FhirReferralMapper.issueType(problem.status()))
                .put("diagnostics", problem.detail());
        return Response.status(problem.status()).type(FhirReferralMapper.MEDIA_TYPE).entity(outcome.toString());
    }
}
