package dk.qnet.referral.rest;

import dk.qnet.contracts.DanishTime;
import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.paging.Page;
import dk.qnet.platform.paging.PageRequest;
import dk.qnet.platform.problem.IfMatch;
import dk.qnet.platform.problem.PathIds;
import dk.qnet.platform.problem.ProblemException;
import dk.qnet.referral.Referral;
import dk.qnet.referral.ReferralStatus;
import dk.qnet.referral.config.ReferralConfig;
import dk.qnet.referral.service.IntakeRateLimit;
import dk.qnet.referral.service.NewReferral;
import dk.qnet.referral.service.ReferralAccess;
import dk.qnet.referral.service.ReferralQuery;
import dk.qnet.referral.service.ReferralService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralResource {

    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;
    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    private final ReferralService referrals;
    private final ReferralQuery query;
    private final IntakeRateLimit rateLimit;
    private final ReferralConfig config;
    private final CallerIdentity caller;

    public ReferralResource(ReferralService referrals, ReferralQuery query, IntakeRateLimit rateLimit,
                            ReferralConfig config, CallerIdentity caller) {
        this.referrals = referrals;
        this.query = query;
        this.rateLimit = rateLimit;
        this.config = config;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SHELTER, Roles.ADVISER})
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "201",
            description = "Created: the referral as the caller may see it, Location names it. A retry with the same Idempotency-Key and body answers the same referral.",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = ReferralView.class)))
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "422",
            description = "The Idempotency-Key was used before with another body: nothing was stored.")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "429",
            description = "At most qnet.referrals.intake-per-minute referrals a minute per client (default 120); past it, problem+json with Retry-After.")
    public Response create(NewReferral body,
                           @HeaderParam("Idempotency-Key") @Parameter(description = "A resent request with the same key answers the first one's referral.",
                                   schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = MAX_IDEMPOTENCY_KEY_LENGTH)) String idempotencyKey,
                           @Context UriInfo uri) {
        rateLimit.acquire(caller.subject());
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH)) {
            throw ProblemException.invalid("Idempotency-Key", "must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
        }
        ReferralService.Created created = referrals.create(body, idempotencyKey, caller);
        return Response.created(uri.getAbsolutePathBuilder().path(created.referral().id.toString()).build())
                .entity(ReferralView.of(referrals.answerFor(created.referral(), caller)))
                .build();
    }

    @GET
    @RolesAllowed({Roles.SHELTER, Roles.ADVISER, Roles.COORDINATOR, Roles.ADMIN})
    public Page<ReferralView> list(@QueryParam("status") @Parameter(schema = @Schema(implementation = ReferralStatus.class)) String status,
                             @QueryParam("from") @Parameter(description = "Received on or after this day.", schema = @Schema(type = SchemaType.STRING, format = "date")) String from,
                             @QueryParam("to") @Parameter(description = "Received on or before this day.", schema = @Schema(type = SchemaType.STRING, format = "date")) String to,
                             @QueryParam("unrouted") Boolean unrouted, @QueryParam("page") String page,
                             @QueryParam("size") String size) {
        if (unrouted != null && !caller.isAdmin()) {
            throw ProblemException.invalid("unrouted", "only an administrator filters on routing");
        }
        PageRequest request = PageRequest.of(page, size, config.maxPageSize());
        ReferralQuery.Page result = query.list(new ReferralQuery.Filter(parseStatus(status), parseDate("from", from),
                parseDate("to", to), unrouted, request.page(), request.size()), caller);
        return request.answer(result.items().stream().map(r -> ReferralView.of(r, ReferralAccess.listViewOf(r, caller))).toList(), result.total());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SHELTER, Roles.ADVISER, Roles.COORDINATOR, Roles.ADMIN})
    public Response get(@PathParam("id") String id) {
        // Personal data must not linger in caches on the way.
        var disclosure = referrals.read(PathIds.uuidOrNotFound(id), caller);
        return Response.ok(ReferralView.of(disclosure)).cacheControl(NO_STORE)
                .header(HttpHeaders.ETAG, IfMatch.etagOf(disclosure.referral().version)).build();
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.SHELTER, Roles.ADVISER, Roles.COORDINATOR, Roles.ADMIN})
    @APIResponse(responseCode = "200", description = "The dated steps, oldest first (at most ReferralService.MAX_HISTORY).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, maxItems = ReferralService.MAX_HISTORY, implementation = HistoryEntry.class)))
    public List<HistoryEntry> history(@PathParam("id") String id) {
        return referrals.history(PathIds.uuidOrNotFound(id), caller).stream().map(HistoryEntry::of).toList();
    }

    @POST
    @Path("{id}/accept")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    public RestResponse<ReferralView> accept(@PathParam("id") String id, @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return changed(referrals.accept(PathIds.uuidOrNotFound(id), IfMatch.parse(ifMatch), caller));
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    public RestResponse<ReferralView> reject(@PathParam("id") String id, @HeaderParam(IfMatch.HEADER) String ifMatch, StatusChangeRequest body) {
        return changed(referrals.reject(PathIds.uuidOrNotFound(id), reasonOf(body), IfMatch.parse(ifMatch), caller));
    }

    @POST
    @Path("{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SHELTER, Roles.ADVISER, Roles.ADMIN})
    public RestResponse<ReferralView> withdraw(@PathParam("id") String id, @HeaderParam(IfMatch.HEADER) String ifMatch, StatusChangeRequest body) {
        return changed(referrals.withdraw(PathIds.uuidOrNotFound(id), reasonOf(body), IfMatch.parse(ifMatch), caller));
    }

    @POST
    @Path("{id}/consent/withdraw")
    @RolesAllowed({Roles.SHELTER, Roles.ADVISER, Roles.COORDINATOR, Roles.ADMIN})
    public RestResponse<ReferralView> withdrawConsent(@PathParam("id") String id, @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return changed(referrals.withdrawConsent(PathIds.uuidOrNotFound(id), IfMatch.parse(ifMatch), caller));
    }

    @POST
    @Path("{id}/erase")
    @RolesAllowed(Roles.ADMIN)
    public RestResponse<ReferralView> erase(@PathParam("id") String id, @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return changed(referrals.eraseByAdmin(PathIds.uuidOrNotFound(id), IfMatch.parse(ifMatch), caller));
    }

    /** The answer to a change: what the caller may see of the referral, and its new ETag. */
    private RestResponse<ReferralView> changed(Referral r) {
        return RestResponse.ResponseBuilder.ok(ReferralView.of(referrals.answerFor(r, caller)))
                .header(HttpHeaders.ETAG, IfMatch.etagOf(r.version)).build();
    }

    /**
     * An administrator's break-glass read of her personal data, with a coded reason; audited with
     * the reason and shown on the audit page. The admin's ordinary view never shows personal data.
     */
    @POST
    @Path("{id}/break-glass")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Response breakGlass(@PathParam("id") String id, BreakGlassRequest body) {
        ReferralView view = ReferralView.of(referrals.breakGlass(PathIds.uuidOrNotFound(id), body == null ? null : body.reason(), caller));
        return Response.ok(view).cacheControl(NO_STORE).build();
    }

    private static dk.qnet.referral.StatusReason reasonOf(StatusChangeRequest body) {
        if (body == null || body.reason() == null) {
            throw ProblemException.invalid("reason", "is required");
        }
        return body.reason();
    }

    private static ReferralStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ReferralStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of " + java.util.Arrays.toString(ReferralStatus.values()));
        }
    }

    private static java.time.Instant parseDate(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value).atStartOfDay(DanishTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date such as 2026-11-23");
        }
    }
}
