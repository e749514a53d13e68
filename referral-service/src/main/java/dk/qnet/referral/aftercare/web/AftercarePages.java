package dk.qnet.referral.aftercare.web;

import static dk.qnet.platform.web.PageDates.date;
import static dk.qnet.platform.web.PageDates.dateTime;

import dk.qnet.contracts.aftercare.DropReason;
import dk.qnet.contracts.aftercare.ExtensionReason;
import dk.qnet.contracts.aftercare.GoalDomain;
import dk.qnet.contracts.aftercare.GoalOwner;
import dk.qnet.contracts.aftercare.GoalStatus;
import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.referral.aftercare.AftercareAccess;
import dk.qnet.referral.aftercare.AftercareRequests;
import dk.qnet.referral.aftercare.AftercareService;
import dk.qnet.referral.aftercare.AftercareView;
import dk.qnet.referral.aftercare.AftercareWindow;
import dk.qnet.referral.aftercare.HandoverRole;
import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.problem.IfMatch;
import dk.qnet.platform.problem.PageResource;
import dk.qnet.platform.problem.PathIds;
import dk.qnet.platform.problem.ProblemException;
import dk.qnet.platform.web.FormFields;
import dk.qnet.platform.web.PageCsrf;
import dk.qnet.platform.web.PageTexts;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The §109 workspace in Danish pages: the adviser's caseload, and one woman's aftercare (the
 * window as a bar, the plan by domain, the handover, the caseworker and the history) for the
 * shelter, the adviser, her Qnet coordinator and the administrator. The same service and caller
 * identity as the API, so a page shows exactly what the API would.
 */
@PageResource
@Path("/sider/henvisninger/{id}/eftervaern")
@Produces(MediaType.TEXT_HTML)
@TemplateData(target = GoalDomain.class)
@TemplateData(target = GoalOwner.class)
@TemplateData(target = GoalStatus.class)
@TemplateData(target = DropReason.class)
@TemplateData(target = ExtensionReason.class)
@TemplateData(target = HandoverRole.class)
@TemplateData(target = AftercareWindow.State.class)
public class AftercarePages {

    private final AftercareService aftercare;
    private final CallerIdentity caller;
    private final PageCsrf csrf;
    private final dk.qnet.platform.time.SuiteClock clock;
    private final Template detail;

    public AftercarePages(AftercareService aftercare, CallerIdentity caller, PageCsrf csrf, dk.qnet.platform.time.SuiteClock clock,
                          @Location("aftercare/detail.html") Template detail) {
        this.aftercare = aftercare;
        this.caller = caller;
        this.csrf = csrf;
        this.clock = clock;
        this.detail = detail;
    }

    /** One line of the caseload, in Danish words. */
    @TemplateData
    public record Row(UUID id, String reference, String qnetStatus, String moveOut, boolean movedOut, String endsOn, Long daysLeft,
                      long total, String state, String warning, long openGoals, boolean handoverMissing, boolean endedWithGoalsOpen,
                      String caseworker) {

        static Row of(AftercareView.CaseloadEntry e) {
            boolean moved = e.actualMoveOut() != null;
            String warning = e.endedWithGoalsOpen() ? PageTexts.m("aftercare.flag.endedOpen")
                    : e.state() == null || e.state() == AftercareWindow.State.OPEN ? "" : PageTexts.of("aftercare.state", e.state());
            return new Row(e.referralId(), shortReference(e.referralId()), PageTexts.of("status", e.qnetStatus()),
                    date(moved ? e.actualMoveOut() : e.expectedMoveOut()), moved, date(e.windowEndsOn()), e.daysLeft(),
                    moved ? java.time.temporal.ChronoUnit.DAYS.between(e.actualMoveOut(), e.windowEndsOn()) : 0,
                    e.state() == null ? "" : e.state().name(), warning, e.openGoals(), e.handoverMissing(), e.endedWithGoalsOpen(),
                    e.caseworker() == null ? "" : e.caseworker());
        }
    }

    /** A referral's short reference on the pages: the first 8 characters of its id (the full id in the link). */
    static String shortReference(UUID id) {
        return id.toString().substring(0, 8);
    }

    /** A goal on the page. */
    @TemplateData
    public record GoalRow(UUID id, String owner, String due, String status, String statusCode, String dropReason, String note,
                          long version, boolean movable) {
    }

    /** One domain of the plan with its goals. */
    @TemplateData
    public record Domain(String code, String label, List<GoalRow> goals) {
    }

    /** One step of the history. */
    @TemplateData
    public record Step(String at, String by, String what) {
    }

    @GET
        @RolesAllowed({Roles.SHELTER, Roles.ADVISER, Roles.COORDINATOR, Roles.ADMIN})
    public TemplateInstance show(@PathParam("id") String id) {
        UUID referralId = PathIds.uuidOrNotFound(id);
        AftercareView v = aftercare.view(referralId, caller);
        AftercareAccess access = aftercare.accessOf(referralId, caller);
        List<Domain> domains = new ArrayList<>();
        for (GoalDomain d : GoalDomain.values()) {
            List<GoalRow> goals = v.goals().stream().filter(g -> g.domain() == d).map(g -> new GoalRow(g.id(),
                    g.owner() == GoalOwner.OTHER_OFFER ? g.otherOffer() : PageTexts.of("aftercare.owner", g.owner()), date(g.due()),
                    PageTexts.of("aftercare.status", g.status()), g.status().name(),
                    g.dropReason() == null ? "" : PageTexts.of("aftercare.drop", g.dropReason()), g.note() == null ? "" : g.note(),
                    g.version(), access.editsPlan() || access == AftercareAccess.QNET)).toList();
            if (!goals.isEmpty() || access.editsPlan()) {
                domains.add(new Domain(d.name(), PageTexts.of("aftercare.domain", d), goals));
            }
        }
        AftercareView.Window w = v.window();
        List<Step> steps = aftercare.history(referralId, caller).stream().map(s -> new Step(dateTime(s.at()),
                PageTexts.orElse("by." + s.by(), s.by()), PageTexts.of("aftercare.action", s.action())
                        + (s.domain() == null ? "" : " · " + PageTexts.of("aftercare.domain", s.domain())))).toList();
        return detail.data("v", v).data("reference", shortReference(referralId))
                .data("qnetStatus", PageTexts.of("status", v.qnetStatus()))
                .data("expected", date(v.expectedMoveOut())).data("moved", date(v.actualMoveOut()))
                .data("w", w).data("starts", w == null ? "" : date(w.startsOn())).data("ends", w == null ? "" : date(w.endsOn()))
                .data("latest", w == null ? "" : date(w.latestEnd())).data("standardEnd", w == null ? "" : w.standardEnd().plusDays(1).toString())
                .data("latestEnd", w == null ? "" : w.latestEnd().toString())
                .data("total", w == null ? 0 : java.time.temporal.ChronoUnit.DAYS.between(w.startsOn(), w.endsOn()))
                .data("state", w == null ? "" : PageTexts.of("aftercare.state", w.state()))
                .data("extension", w == null || w.extension() == null ? "" : PageTexts.f("aftercare.extended",
                        date(w.extension().until())) + " · " + PageTexts.of("aftercare.reason", w.extension().reason()))
                .data("handover", v.handover() == null ? "" : date(v.handover().date()) + " · "
                        + PageTexts.m(v.handover().held() ? "aftercare.handover.held" : "aftercare.handover.planned") + " · "
                        + String.join(", ", v.handover().participants().stream().map(r -> PageTexts.of("aftercare.role", r)).toList()))
                .data("domains", domains).data("steps", steps)
                .data("isShelter", access == AftercareAccess.SHELTER).data("isAdviser", access == AftercareAccess.ADVISER)
                .data("editsPlan", access.editsPlan()).data("isQnet", access == AftercareAccess.QNET)
                .data("canExtend", access == AftercareAccess.ADVISER && w != null && w.extension() == null && w.closedAt() == null)
                .data("goalKey", UUID.randomUUID().toString())
                .data("domainChoices", GoalDomain.values()).data("ownerChoices", GoalOwner.values())
                .data("statusChoices", GoalStatus.values()).data("dropChoices", DropReason.values())
                .data("reasonChoices", ExtensionReason.values()).data("roleChoices", HandoverRole.values())
                .data("today", clock.today().toString());
    }

    @POST
    @Path("fraflytning")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.SHELTER)
    public Response moveOut(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return act(id, form, "vindue", (referralId, shown) -> aftercare.recordMoveOut(referralId, new AftercareRequests.MoveOut(
                FormFields.date(form, "expectedMoveOut"), FormFields.date(form, "actualMoveOut")), shown, caller));
    }

    @POST
    @Path("forlaengelse")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADVISER)
    public Response extend(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return act(id, form, "vindue", (referralId, shown) -> aftercare.extend(referralId, new AftercareRequests.Extension(
                FormFields.date(form, "until"), FormFields.choice(ExtensionReason.class, form, "reason")), shown, caller));
    }

    @POST
    @Path("overdragelse")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.SHELTER, Roles.ADVISER})
    public Response handover(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        List<HandoverRole> roles = new ArrayList<>();
        for (String role : form.getOrDefault("participants", List.of())) {
            roles.add(Arrays.stream(HandoverRole.values()).filter(r -> r.name().equals(role)).findFirst()
                    .orElseThrow(() -> ProblemException.invalid("participants", "is not one of the choices")));
        }
        return act(id, form, "overdragelse", (referralId, shown) -> aftercare.recordHandover(referralId, new AftercareRequests.Handover(
                FormFields.date(form, "date"), roles, "true".equals(form.getFirst("held"))), shown, caller));
    }

    @POST
    @Path("sagsbehandler")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADVISER)
    public Response caseworker(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return act(id, form, "sagsbehandler", (referralId, shown) -> aftercare.assignCaseworker(referralId, new AftercareRequests.Caseworker(
                FormFields.text(form, "name"), FormFields.text(form, "email"), FormFields.text(form, "phone")), shown, caller));
    }

    /** A new goal; its hidden key is made when the page is shown, so a double click makes one goal. */
    @POST
    @Path("maal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.SHELTER, Roles.ADVISER})
    public Response addGoal(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        csrf.verify(form.getFirst(PageCsrf.FIELD));
        UUID referralId = PathIds.uuidOrNotFound(id);
        String key = form.getFirst("idempotencyKey");
        aftercare.addGoal(referralId, new AftercareRequests.NewGoal(FormFields.choice(GoalDomain.class, form, "domain"),
                FormFields.choice(GoalOwner.class, form, "owner"), FormFields.text(form, "otherOffer"), FormFields.date(form, "due"),
                FormFields.text(form, "note")), key == null || !key.matches("[0-9a-f-]{36}") ? null : key, caller);
        return back(referralId, "plan");
    }

    @POST
    @Path("maal/{goalId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.SHELTER, Roles.ADVISER, Roles.COORDINATOR})
    public Response changeGoal(@PathParam("id") String id, @PathParam("goalId") String goalId, MultivaluedMap<String, String> form) {
        csrf.verify(form.getFirst(PageCsrf.FIELD));
        UUID referralId = PathIds.uuidOrNotFound(id);
        GoalStatus status = FormFields.choice(GoalStatus.class, form, "status");
        aftercare.changeGoal(referralId, PathIds.uuidOrNotFound(goalId), new AftercareRequests.GoalChange(status,
                status == GoalStatus.DROPPED ? FormFields.choice(DropReason.class, form, "dropReason") : null, null, null, null, null),
                shownVersion(form), caller);
        return back(referralId, "plan");
    }

    private Response act(String id, MultivaluedMap<String, String> form, String anchor, java.util.function.BiConsumer<UUID, IfMatch> change) {
        csrf.verify(form.getFirst(PageCsrf.FIELD));
        UUID referralId = PathIds.uuidOrNotFound(id);
        change.accept(referralId, shownVersion(form));
        return back(referralId, anchor);
    }

    private static Response back(UUID referralId, String anchor) {
        return Response.seeOther(URI.create("/sider/henvisninger/" + referralId + "/eftervaern#" + anchor)).build();
    }

    /** The version the form was shown with (its hidden field "version"): a change made meanwhile is the 412 page. */
    static IfMatch shownVersion(MultivaluedMap<String, String> form) {
        String version = form.getFirst("version");
        if (version == null || !version.matches("[0-9]{1,18}")) {
            throw ProblemException.invalid("version", "is required: the version the page showed");
        }
        return IfMatch.parse(IfMatch.etagOf(Long.parseLong(version)));
    }
}
