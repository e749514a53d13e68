package dk.qnet.referral.web;

import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.problem.IfMatch;
import dk.qnet.platform.problem.PageResource;
import dk.qnet.platform.problem.PathIds;
import dk.qnet.platform.problem.ProblemException;
import dk.qnet.platform.time.SuiteClock;
import dk.qnet.platform.web.FormState;
import dk.qnet.platform.web.PageCsrf;
import dk.qnet.referral.ReferralStatus;
import dk.qnet.referral.StatusReason;
import dk.qnet.referral.rest.ReferralView;
import dk.qnet.referral.service.IntakeRateLimit;
import dk.qnet.referral.service.ReferralAccess;
import dk.qnet.referral.service.ReferralQuery;
import dk.qnet.referral.service.ReferralService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * The referral pages: the shelter's and the adviser's form and list, the coordinator's inbox,
 * one referral with its dated history. They call the same services as the API, with the same
 * caller identity, so the page shows exactly what the API would.
 */
@PageResource
@Path("/sider/henvisninger")
@Produces(MediaType.TEXT_HTML)
@TemplateData(target = ReferralStatus.class)
@TemplateData(target = StatusReason.class)
public class ReferralPages {

    private static final int PAGE_SIZE = 50;

    private final ReferralService referrals;
    private final ReferralQuery query;
    private final IntakeRateLimit rateLimit;
    private final CallerIdentity caller;
    private final PageCsrf csrf;
    private final Template list;
    private final Template form;
    private final Template detail;
    private final SuiteClock clock;

    public ReferralPages(ReferralService referrals, ReferralQuery query, IntakeRateLimit rateLimit, CallerIdentity caller,
                         PageCsrf csrf, @Location("referrals/list.html") Template list,
                         @Location("referrals/form.html") Template form, @Location("referrals/detail.html") Template detail, SuiteClock clock) {
        this.referrals = referrals;
        this.query = query;
        this.rateLimit = rateLimit;
        this.caller = caller;
        this.csrf = csrf;
        this.list = list;
        this.form = form;
        this.detail = detail;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.SHELTER, Roles.ADVISER, Roles.COORDINATOR, Roles.ADMIN})
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("ikke-routede") boolean unrouted,
                                 @QueryParam("side") int page) {
        ReferralStatus wanted = status == null || status.isBlank() ? null : ReferralPageViews.status(status);
        int p = Math.max(0, Math.min(page, 10_000));
        ReferralQuery.Page result = query.list(new ReferralQuery.Filter(wanted, null, null,
                unrouted && caller.isAdmin() ? Boolean.TRUE : null, p, PAGE_SIZE), caller);
        return list.data("rows", result.items().stream().map(r -> ReferralPageViews.Row.of(r, clock.now())).toList())
                .data("total", result.total())
                .data("page", p)
                .data("lastPage", (result.total() - 1) / PAGE_SIZE)
                .data("status", wanted == null ? "" : wanted.name())
                .data("statuses", ReferralStatus.values())
                .data("unrouted", unrouted && caller.isAdmin())
                .data("inbox", caller.hasRole(Roles.COORDINATOR) || caller.isAdmin())
                .data("admin", caller.isAdmin());
    }

    @GET
    @Path("ny")
    @RolesAllowed({Roles.SHELTER, Roles.ADVISER})
    public TemplateInstance newReferral() {
        return blankForm(new FormState(java.util.Map.of("consent.givenAt", List.of(clock.today().toString()))),
                UUID.randomUUID().toString());
    }

    /**
     * The form's POST. Its hidden idempotency key is made when the form is shown, so a double
     * click, a reload or a retry after a lost answer gives the same referral, not a second one.
     */
    @POST
    @Path("ny")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.SHELTER, Roles.ADVISER})
    public Response create(MultivaluedMap<String, String> body) {
        csrf.verify(body.getFirst(PageCsrf.FIELD));
        String key = body.getFirst("idempotencyKey");
        if (key == null || !key.matches("[0-9a-f-]{36}")) {
            key = UUID.randomUUID().toString();
        }
        rateLimit.acquire(caller.subject());
        ReferralForm parsed = new ReferralForm(body);
        try {
            var request = parsed.toRequest();
            if (!parsed.errors.isEmpty()) {
                return refused(new FormState(body).withErrors(parsed.errors), key);
            }
            UUID id = referrals.create(request, key, caller).referral().id;
            return Response.seeOther(URI.create("/sider/henvisninger/" + id + "?sendt=true")).build();
        } catch (ProblemException e) {
            if (e.problem().status() != 400 || e.problem().errors() == null) {
                throw e;
            }
            return refused(new FormState(body).withErrors(concat(parsed.errors, e.problem().errors())), key);
        }
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SHELTER, Roles.ADVISER, Roles.COORDINATOR, Roles.ADMIN})
    public TemplateInstance show(@PathParam("id") String id, @QueryParam("sendt") boolean sent) {
        UUID referralId = PathIds.uuidOrNotFound(id);
        var view = ReferralView.of(referrals.read(referralId, caller));
        var history = referrals.history(referralId, caller);
        var referral = referrals.visibleTo(referralId, caller).referral();
        boolean coordinator = caller.isAdmin() || ReferralAccess.isTargetCoordinator(referral, caller);
        boolean sender = caller.isAdmin() || ReferralAccess.isSender(referral, caller);
        return detail.data("r", ReferralPageViews.Detail.of(view))
                .data("history", history.stream().map(ReferralPageViews.Step::of).toList())
                .data("sent", sent)
                .data("version", referral.version)
                .data("canDecide", coordinator && view.status() == ReferralStatus.RECEIVED)
                .data("canWithdraw", sender && !view.status().isFinal())
                .data("aftercare", dk.qnet.referral.aftercare.AftercareAccess.of(referral, caller) != dk.qnet.referral.aftercare.AftercareAccess.NONE)
                .data("rejectReasons", StatusReason.REJECTION)
                .data("withdrawReasons", StatusReason.WITHDRAWAL);
    }

    @POST
    @Path("{id}/accepter")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    public Response accept(@PathParam("id") String id, MultivaluedMap<String, String> body) {
        return act(id, body, (referralId, shown) -> referrals.accept(referralId, shown, caller));
    }

    @POST
    @Path("{id}/afvis")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    public Response reject(@PathParam("id") String id, MultivaluedMap<String, String> body) {
        return act(id, body, (referralId, shown) -> referrals.reject(referralId, reason(body, StatusReason.REJECTION), shown, caller));
    }

    @POST
    @Path("{id}/traek-tilbage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.SHELTER, Roles.ADVISER, Roles.ADMIN})
    public Response withdraw(@PathParam("id") String id, MultivaluedMap<String, String> body) {
        return act(id, body, (referralId, shown) -> referrals.withdraw(referralId, reason(body, StatusReason.WITHDRAWAL), shown, caller));
    }

    private TemplateInstance blankForm(FormState state, String key) {
        return form.data("form", state).data("idempotencyKey", key).data("views", ReferralPageViews.FORM_CHOICES);
    }

    private Response refused(FormState state, String key) {
        return Response.status(400).entity(blankForm(state, key)).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    /**
     * A form's action on one referral: its CSRF token first, then the change, made only if the
     * referral is still at the version the page showed (else the 412 page: someone changed it
     * meanwhile), then back to the referral.
     */
    private Response act(String id, MultivaluedMap<String, String> body, java.util.function.BiConsumer<UUID, IfMatch> change) {
        csrf.verify(body.getFirst(PageCsrf.FIELD));
        UUID referralId = PathIds.uuidOrNotFound(id);
        change.accept(referralId, shownVersion(body));
        return Response.seeOther(URI.create("/sider/henvisninger/" + referralId)).build();
    }

    /** The version of the referral the form was shown with (its hidden field "version"). */
    static IfMatch shownVersion(MultivaluedMap<String, String> body) {
        String version = body.getFirst("version");
        if (version == null || !version.matches("[0-9]{1,18}")) {
            throw ProblemException.invalid("version", "is required: the version of the referral the page showed");
        }
        return IfMatch.parse(IfMatch.etagOf(Long.parseLong(version)));
    }

    private static StatusReason reason(MultivaluedMap<String, String> body, java.util.Set<StatusReason> allowed) {
        String value = body.getFirst("reason");
        try {
            StatusReason reason = StatusReason.valueOf(value == null ? "" : value);
            if (allowed.contains(reason)) {
                return reason;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw ProblemException.invalid("reason", "must be one of " + allowed);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
