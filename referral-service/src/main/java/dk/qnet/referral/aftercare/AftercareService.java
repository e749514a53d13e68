package dk.qnet.referral.aftercare;

import dk.qnet.contracts.aftercare.AftercareWindowClosed;
import dk.qnet.contracts.aftercare.AftercareWindowExtended;
import dk.qnet.contracts.aftercare.AftercareWindowOpened;
import dk.qnet.contracts.aftercare.GoalDomain;
import dk.qnet.contracts.aftercare.GoalOwner;
import dk.qnet.contracts.aftercare.GoalStatus;
import dk.qnet.contracts.aftercare.PlanGoalChanged;
import dk.qnet.contracts.DanishTime;
import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.outbox.Outbox;
import dk.qnet.platform.problem.FieldErrors;
import dk.qnet.platform.problem.IfMatch;
import dk.qnet.platform.problem.Problem;
import dk.qnet.platform.problem.ProblemException;
import dk.qnet.platform.problem.RequestRules;
import dk.qnet.platform.time.SuiteClock;
import dk.qnet.platform.validation.FieldRules;
import dk.qnet.referral.Referral;
import dk.qnet.referral.audit.AuditLog;
import dk.qnet.referral.crypto.PersonalDataStore;
import dk.qnet.referral.service.ReferralRepository;
import dk.qnet.referral.webhook.Webhooks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The municipality's §109 aftercare of one woman: the move-out and the window it opens, the one
 * extension, the handover, the named caseworker and the shared plan. Every write locks her
 * referral, so two writes to her aftercare never interleave; every change is a dated step and,
 * where it counts, an event on {@code qnet.referrals.v1} with codes only.
 */
@ApplicationScoped
public class AftercareService {

    /** A created goal, and whether an earlier request with the same Idempotency-Key made it. */
    public record CreatedGoal(PlanGoal goal, boolean replayed) {
    }

    private static final String AUDITED_FIELDS = "plan.notes";
    /** The most steps a history answers: a window and a plan of at most 50 goals take far fewer. */
    public static final int MAX_STEPS = 1000;

    private final ReferralRepository referrals;
    private final PersonalDataStore personalData;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Webhooks webhooks;
    private final RequestRules rules;
    private final SuiteClock clock;
    private final AftercareRepository store;

    public AftercareService(ReferralRepository referrals, PersonalDataStore personalData, AuditLog audit, Outbox outbox, Webhooks webhooks,
                            RequestRules rules, SuiteClock clock, AftercareRepository store) {
        this.referrals = referrals;
        this.personalData = personalData;
        this.audit = audit;
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.rules = rules;
        this.clock = clock;
        this.store = store;
    }

    // ---- reads

    /** Her aftercare as the caller may see it; the notes shown are audited in the same transaction. */
    @Transactional
    public AftercareView view(UUID id, CallerIdentity caller) {
        Referral r = referrals.findByIdOptional(id).orElseThrow(ProblemException::notFound);
        AftercareAccess access = accessOrNotFound(r, caller);
        return viewOf(r, store.find(id).orElse(null), access, caller);
    }

    /** How the caller works on her aftercare (404 when not at all). */
    @Transactional
    public AftercareAccess accessOf(UUID id, CallerIdentity caller) {
        return accessOrNotFound(referrals.findByIdOptional(id).orElseThrow(ProblemException::notFound), caller);
    }

    @Transactional
    public List<AftercareView.Step> history(UUID id, CallerIdentity caller) {
        Referral r = referrals.findByIdOptional(id).orElseThrow(ProblemException::notFound);
        AftercareAccess access = accessOrNotFound(r, caller);
        List<AftercareStep> steps = store.steps(id, MAX_STEPS);
        List<UUID> hidden = access == AftercareAccess.QNET ? goalsOf(id).stream().filter(g -> !g.isQnets()).map(g -> g.id).toList() : List.of();
        return steps.stream().filter(s -> s.goalId == null || !hidden.contains(s.goalId))
                .map(s -> new AftercareView.Step(s.at, s.byRole, s.action, s.goalId, s.domain, s.detail)).toList();
    }

    /** The adviser's caseload: the women of her municipality who consented to share with it, what is due first. */
    @Transactional
    public List<AftercareView.CaseloadEntry> caseload(CallerIdentity caller, int page, int size) {
        String code = caller.required(caller.municipalityCode(), Roles.MUNICIPALITY_CLAIM);
        return caseloadOf(code, page, size);
    }

    @Transactional
    public long caseloadSize(CallerIdentity caller) {
        return store.caseloadSize(caller.required(caller.municipalityCode(), Roles.MUNICIPALITY_CLAIM));
    }

    private List<AftercareView.CaseloadEntry> caseloadOf(String code, int page, int size) {
        LocalDate today = clock.today();
        List<AftercareView.CaseloadEntry> entries = new ArrayList<>();
        for (AftercareRepository.CaseloadRow row : store.caseload(code, page * size, size)) {
            Referral r = row.referral();
            Aftercare a = row.aftercare();
            AftercareWindow w = a == null ? null : a.window();
            entries.add(new AftercareView.CaseloadEntry(r.id, r.status, r.expectedMoveOut, a == null ? null : a.actualMoveOut,
                    w == null ? null : w.endsOn(), w == null ? null : w.daysLeft(today), w == null ? null : a.stateOn(today), row.openGoals(),
                    handoverMissing(a), a != null && Boolean.TRUE.equals(a.closedWithGoalsOpen),
                    a == null ? null : a.caseworkerName, w == null ? r.expectedMoveOut : w.endsOn()));
        }
        return entries;
    }

    // ---- the window

    /** The shelter records the expected move-out, and then the day she moved out, which opens the window. */
    @Transactional
    public AftercareView recordMoveOut(UUID id, AftercareRequests.MoveOut body, IfMatch ifMatch, CallerIdentity caller) {
        FieldErrors errors = rules.check(body);
        if (body != null && body.expectedMoveOut() == null && body.actualMoveOut() == null) {
            errors.add("actualMoveOut", "give actualMoveOut, expectedMoveOut or both");
        }
        errors.throwIfAny("The move-out");
        Written held = forWrite(id, ifMatch, caller, "Only the shelter that referred her records her move-out.", AftercareAccess.SHELTER);
        Referral r = held.referral();
        Aftercare a = held.aftercare();
        LocalDate today = clock.today();
        LocalDate received = LocalDate.ofInstant(r.receivedAt, DanishTime.ZONE);
        FieldErrors dates = new FieldErrors();
        if (body.actualMoveOut() != null && body.actualMoveOut().isAfter(today)) {
            dates.add("actualMoveOut", "must not be in the future (today is " + today + " in Denmark)");
        } else if (body.actualMoveOut() != null && body.actualMoveOut().isBefore(received)) {
            dates.add("actualMoveOut", "must not be before the referral was received (" + received + ")");
        }
        if (body.expectedMoveOut() != null && (body.expectedMoveOut().isAfter(today.plusYears(1)) || body.expectedMoveOut().isBefore(received))) {
            dates.add("expectedMoveOut", "must be between the day the referral was received (" + received + ") and a year from today");
        }
        dates.throwIfAny("The move-out");
        Instant now = clock.now();
        if (body.expectedMoveOut() != null && !body.expectedMoveOut().equals(r.expectedMoveOut) && a.actualMoveOut == null) {
            r.expectedMoveOut = body.expectedMoveOut();
            r.updatedAt = now;
            step(r.id, caller, AftercareStep.Action.MOVE_OUT_EXPECTED, null, body.expectedMoveOut().toString());
            a.updatedAt = now;
        }
        if (body.actualMoveOut() != null) {
            if (a.actualMoveOut != null && !a.actualMoveOut.equals(body.actualMoveOut())) {
                throw conflict("move-out-recorded", "Her move-out was recorded already, on " + a.actualMoveOut + "; it opened the window.", a);
            }
            if (a.actualMoveOut == null) {
                a.actualMoveOut = body.actualMoveOut();
                a.windowEndsOn = a.window().endsOn();
                a.updatedAt = now;
                step(r.id, caller, AftercareStep.Action.MOVED_OUT, null, a.actualMoveOut + ".." + a.windowEndsOn);
                outbox.append(r.id.toString(), new AftercareWindowOpened(r.id, r.municipalityCode, a.actualMoveOut, a.windowEndsOn,
                        a.handoverBefore(a.actualMoveOut), now));
            }
        }
        return written(r, a, caller);
    }

    /** The adviser's one extension, to at most 12 months after the move-out, with a coded reason. */
    @Transactional
    public AftercareView extend(UUID id, AftercareRequests.Extension body, IfMatch ifMatch, CallerIdentity caller) {
        rules.check(body).throwIfAny("The extension");
        Written held = forWrite(id, ifMatch, caller, "Only the adviser of her municipality extends her window.", AftercareAccess.ADVISER);
        Referral r = held.referral();
        Aftercare a = held.aftercare();
        AftercareWindow w = a.window();
        if (w == null) {
            throw conflict("window-not-open", "The window opens when the shelter records the day she moved out.", a);
        }
        if (a.extendedTo != null) {
            if (a.extendedTo.equals(body.until()) && a.extensionReason == body.reason()) {
                return written(r, a, caller); // a resent request: it was made
            }
            throw conflict("window-extended", "The window was extended once already, to " + a.extendedTo + "; it is extended only once.", a);
        }
        if (a.closedAt != null) {
            throw conflict("window-ended", "The window ended on " + a.windowEndsOn + ".", a);
        }
        if (!w.allowsExtensionTo(body.until())) {
            throw conflict("extension-out-of-bounds", "An extension runs past the 6 months (" + w.standardEnd() + ") to at most 12 months after the move-out ("
                    + w.latestEnd() + ").", a);
        }
        Instant now = clock.now();
        a.extendedTo = body.until();
        a.extensionReason = body.reason();
        a.extendedAt = now;
        a.extendedBy = caller.tenant().role();
        a.windowEndsOn = a.window().endsOn();
        a.warnedDays = null; // the warnings are due again before the new end
        a.updatedAt = now;
        step(r.id, caller, AftercareStep.Action.WINDOW_EXTENDED, null, body.reason() + " " + body.until());
        outbox.append(r.id.toString(), new AftercareWindowExtended(r.id, r.municipalityCode, a.extendedTo, a.extensionReason, now));
        return written(r, a, caller);
    }

    @Transactional
    public AftercareView recordHandover(UUID id, AftercareRequests.Handover body, IfMatch ifMatch, CallerIdentity caller) {
        FieldErrors errors = rules.check(body);
        LocalDate today = clock.today();
        if (body != null && body.date() != null && Boolean.TRUE.equals(body.held()) && body.date().isAfter(today)) {
            errors.add("date", "a meeting held must not be in the future (today is " + today + " in Denmark)");
        }
        if (body != null && body.date() != null && (body.date().isBefore(today.minusYears(2)) || body.date().isAfter(today.plusYears(1)))) {
            errors.add("date", "must be within two years before and a year after today");
        }
        if (body != null && body.participants() != null && body.participants().stream().distinct().count() != body.participants().size()) {
            errors.add("participants", "must not repeat a role");
        }
        errors.throwIfAny("The handover");
        Written held = forWrite(id, ifMatch, caller, "The shelter and the adviser record the handover.", AftercareAccess.SHELTER, AftercareAccess.ADVISER);
        Referral r = held.referral();
        Aftercare a = held.aftercare();
        List<HandoverRole> roles = body.participants().stream().sorted().toList();
        if (!(body.date().equals(a.handoverOn) && roles.equals(a.handoverRoles) && body.held().equals(a.handoverHeld))) {
            a.handoverOn = body.date();
            a.handoverRoles = roles;
            a.handoverHeld = body.held();
            a.updatedAt = clock.now();
            step(r.id, caller, AftercareStep.Action.HANDOVER_RECORDED, null, body.date() + (body.held() ? " held " : " planned ") + roles);
        }
        return written(r, a, caller);
    }

    @Transactional
    public AftercareView assignCaseworker(UUID id, AftercareRequests.Caseworker body, IfMatch ifMatch, CallerIdentity caller) {
        FieldErrors errors = rules.check(body);
        if (body != null && body.email() == null && body.phone() == null) {
            errors.add("email", "a work e-mail or a work phone is required");
        }
        errors.throwIfAny("The caseworker");
        Written held = forWrite(id, ifMatch, caller, "The adviser of her municipality names her caseworker.", AftercareAccess.ADVISER);
        Referral r = held.referral();
        Aftercare a = held.aftercare();
        String name = body.name().strip();
        String phone = body.phone() == null ? null : FieldRules.normalisePhone(body.phone());
        if (!(name.equals(a.caseworkerName) && Objects.equals(body.email(), a.caseworkerEmail) && Objects.equals(phone, a.caseworkerPhone))) {
            a.caseworkerName = name;
            a.caseworkerEmail = body.email();
            a.caseworkerPhone = phone;
            a.updatedAt = clock.now();
            step(r.id, caller, AftercareStep.Action.CASEWORKER_ASSIGNED, null, null);
        }
        return written(r, a, caller);
    }

    // ---- the plan

    @Transactional
    public CreatedGoal addGoal(UUID id, AftercareRequests.NewGoal body, String idempotencyKey, CallerIdentity caller) {
        FieldErrors errors = rules.check(body);
        if (body != null && body.owner() != null) {
            otherOfferRule(errors, body.owner(), body.otherOffer());
        }
        if (body != null && body.due() != null) {
            dueRule(errors, body.due());
        }
        errors.throwIfAny("The goal");
        Referral r = lockedFor(id, caller, "The shelter and the adviser keep the plan.", AftercareAccess.SHELTER, AftercareAccess.ADVISER);
        Aftercare a = aftercareOf(r);
        String note = blankToNull(body.note());
        if (idempotencyKey != null) {
            Optional<PlanGoal> earlier = store.goalByKey(id, idempotencyKey);
            if (earlier.isPresent()) {
                PlanGoal g = earlier.get();
                String earlierNote = g.sealedNote == null ? null : personalData.openNote(id, g.id.toString(), g.sealedNote).orElse(null);
                if (g.domain != body.domain() || g.owner != body.owner() || !Objects.equals(g.otherOffer, blankToNull(body.otherOffer()))
                        || !Objects.equals(g.dueOn, body.due()) || !Objects.equals(earlierNote, note)) {
                    throw new ProblemException(Problem.of(422, "idempotency-key-reused", "Idempotency key reused",
                            "This Idempotency-Key was used before for another goal of this plan."));
                }
                return new CreatedGoal(g, true);
            }
        }
        if (store.goalCount(id) >= AftercareRequests.MAX_GOALS) {
            throw conflict("plan-full", "A plan holds at most " + AftercareRequests.MAX_GOALS + " goals; drop or change one instead.", a);
        }
        Instant now = clock.now();
        PlanGoal g = new PlanGoal();
        g.id = UUID.randomUUID();
        g.referralId = id;
        g.domain = body.domain();
        g.owner = body.owner();
        g.otherOffer = body.owner() == GoalOwner.OTHER_OFFER ? blankToNull(body.otherOffer()).strip() : null;
        g.dueOn = body.due();
        g.status = GoalStatus.OPEN;
        g.sealedNote = note == null ? null : sealed(r, g.id, note);
        g.idempotencyKey = idempotencyKey;
        g.createdAt = now;
        g.updatedAt = now;
        store.persist(g);
        a.updatedAt = now;
        step(id, caller, AftercareStep.Action.GOAL_ADDED, g, g.owner + (g.dueOn == null ? "" : " due " + g.dueOn));
        outbox.append(id.toString(), new PlanGoalChanged(id, r.municipalityCode, g.id, g.domain, g.owner, g.status, null, now));
        store.flush();
        return new CreatedGoal(g, false);
    }

    @Transactional
    public PlanGoal changeGoal(UUID id, UUID goalId, AftercareRequests.GoalChange body, IfMatch ifMatch, CallerIdentity caller) {
        FieldErrors errors = rules.check(body);
        if (body != null && body.due() != null) {
            dueRule(errors, body.due());
        }
        if (body != null && body.dropReason() != null && body.status() != null && body.status() != GoalStatus.DROPPED) {
            errors.add("dropReason", "only with status DROPPED");
        }
        if (body != null && body.status() == GoalStatus.DROPPED && body.dropReason() == null) {
            errors.add("dropReason", "is required with status DROPPED");
        }
        errors.throwIfAny("The change");
        Referral r = lockedFor(id, caller, "The shelter, the adviser and, for Qnet's goals, the Qnet coordinator change goals.",
                AftercareAccess.SHELTER, AftercareAccess.ADVISER, AftercareAccess.QNET);
        AftercareAccess access = AftercareAccess.of(r, caller);
        PlanGoal g = store.goal(id, goalId)
                .filter(found -> access != AftercareAccess.QNET || found.isQnets()).orElseThrow(ProblemException::notFound);
        ifMatch.check(g.version);
        if (access == AftercareAccess.QNET && (body.due() != null || body.owner() != null || body.otherOffer() != null || body.note() != null)) {
            throw ProblemException.forbidden("A Qnet coordinator changes only the status of Qnet's goals.");
        }
        if (body.dropReason() != null && body.status() == null && g.status != GoalStatus.DROPPED) {
            throw ProblemException.invalid("dropReason", "only with status DROPPED");
        }
        GoalOwner owner = body.owner() == null ? g.owner : body.owner();
        String offer = body.otherOffer() != null ? blankToNull(body.otherOffer()) : body.owner() == null ? g.otherOffer : null;
        FieldErrors ownerErrors = new FieldErrors();
        otherOfferRule(ownerErrors, owner, offer);
        ownerErrors.throwIfAny("The change");
        Instant now = clock.now();
        boolean changed = false;
        boolean statusChanged = body.status() != null && (body.status() != g.status || body.dropReason() != null && body.dropReason() != g.dropReason);
        if (statusChanged) {
            g.status = body.status();
            g.dropReason = body.status() == GoalStatus.DROPPED ? body.dropReason() : null;
            step(id, caller, AftercareStep.Action.GOAL_CHANGED, g, g.status + (g.dropReason == null ? "" : " " + g.dropReason));
        } else if (body.dropReason() != null && g.status == GoalStatus.DROPPED && body.dropReason() != g.dropReason) {
            g.dropReason = body.dropReason();
            statusChanged = true;
            step(id, caller, AftercareStep.Action.GOAL_CHANGED, g, g.status + " " + g.dropReason);
        }
        if (owner != g.owner || !Objects.equals(offer == null ? null : offer.strip(), g.otherOffer) || body.due() != null && !body.due().equals(g.dueOn)) {
            g.owner = owner;
            g.otherOffer = owner == GoalOwner.OTHER_OFFER ? offer.strip() : null;
            g.dueOn = body.due() == null ? g.dueOn : body.due();
            changed = true;
            step(id, caller, AftercareStep.Action.GOAL_CHANGED, g, g.owner + (g.dueOn == null ? "" : " due " + g.dueOn));
        }
        if (body.note() != null) {
            String note = blankToNull(body.note());
            String before = g.sealedNote == null ? null : personalData.openNote(id, g.id.toString(), g.sealedNote).orElse(null);
            if (!Objects.equals(note, before)) {
                g.sealedNote = note == null ? null : sealed(r, g.id, note);
                changed = true;
                step(id, caller, AftercareStep.Action.GOAL_NOTE_CHANGED, g, null);
            }
        }
        if (changed || statusChanged) {
            g.updatedAt = now;
        }
        if (statusChanged) {
            outbox.append(id.toString(), new PlanGoalChanged(id, r.municipalityCode, g.id, g.domain, g.owner, g.status, g.dropReason, now));
        }
        store.flush();
        return g;
    }

    /** A goal as the caller sees it (after a write: its note too, audited). */
    @Transactional
    public AftercareView.Goal goalView(PlanGoal g, CallerIdentity caller) {
        Referral r = referrals.findById(g.referralId);
        AftercareAccess access = AftercareAccess.of(r, caller);
        String note = access.seesNotes() && g.sealedNote != null ? personalData.openNote(r.id, g.id.toString(), g.sealedNote).orElse(null) : null;
        if (note != null) {
            auditRead(r, caller);
        }
        return goalOf(g, note);
    }

    // ---- the watch: warnings and the close

    /** Windows that warn or end by {@code today}: at most {@code limit} of them. */
    @Transactional
    public List<UUID> due(LocalDate today, int limit) {
        return store.endingBy(today.plusDays(AftercareWindow.FIRST_WARNING_DAYS), limit);
    }

    /**
     * Warns at 30 and 14 days before the end (a step, and a webhook to her municipality when she
     * consented to share with it), and closes a window whose last day has passed: the goals counted
     * by domain, and flagged when some are still open.
     */
    @Transactional
    public void watch(UUID id, LocalDate today) {
        Referral r = referrals.findLocked(id).orElse(null);
        Aftercare a = store.find(id).orElse(null);
        if (r == null || a == null || a.closedAt != null || a.window() == null) {
            return;
        }
        Instant now = clock.now();
        AftercareWindow w = a.window();
        switch (w.stateOn(today)) {
            case ENDED -> close(r, a, now);
            case ENDS_IN_14_DAYS -> {
                if (a.warnedDays == null || a.warnedDays > AftercareWindow.LAST_WARNING_DAYS) {
                    warn(r, a, AftercareWindow.LAST_WARNING_DAYS, AftercareStep.Action.WARNED_14_DAYS, now);
                }
            }
            case ENDS_IN_30_DAYS -> {
                if (a.warnedDays == null) {
                    warn(r, a, AftercareWindow.FIRST_WARNING_DAYS, AftercareStep.Action.WARNED_30_DAYS, now);
                }
            }
            case OPEN -> {
            }
        }
    }

    private void warn(Referral r, Aftercare a, int days, AftercareStep.Action action, Instant now) {
        a.warnedDays = days;
        stepAsSystem(r.id, action, null, a.windowEndsOn.toString(), now);
        toMunicipality(r, "ENDS_IN_" + days + "_DAYS", now);
    }

    private void close(Referral r, Aftercare a, Instant now) {
        Map<GoalDomain, int[]> counts = new EnumMap<>(GoalDomain.class);
        for (PlanGoal g : goalsOf(r.id)) {
            int[] c = counts.computeIfAbsent(g.domain, d -> new int[3]);
            c[g.status == GoalStatus.MET ? 0 : g.status.isOpen() ? 1 : 2]++;
        }
        boolean open = counts.values().stream().anyMatch(c -> c[1] > 0);
        a.closedAt = now;
        a.closedWithGoalsOpen = open;
        stepAsSystem(r.id, open ? AftercareStep.Action.WINDOW_CLOSED_WITH_GOALS_OPEN : AftercareStep.Action.WINDOW_CLOSED, null,
                a.windowEndsOn.toString(), now);
        outbox.append(r.id.toString(), new AftercareWindowClosed(r.id, r.municipalityCode, a.windowEndsOn, a.extendedTo != null,
                counts.entrySet().stream().map(e -> new AftercareWindowClosed.DomainCount(e.getKey(), e.getValue()[0], e.getValue()[1],
                        e.getValue()[2])).toList(), open, now));
        toMunicipality(r, open ? "ENDED_WITH_GOALS_OPEN" : "ENDED", now);
    }

    /** A webhook to her municipality's case system, only when she consented to share with it. */
    private void toMunicipality(Referral r, String status, Instant now) {
        if (r.sharedWithMunicipality) {
            webhooks.enqueue(Roles.municipalityAsSender(r.municipalityCode), r.id, Webhooks.AFTERCARE_WINDOW, status, now);
        }
    }

    // ---- helpers

    private AftercareView written(Referral r, Aftercare a, CallerIdentity caller) {
        store.flush();
        return viewOf(r, a, AftercareAccess.of(r, caller), caller);
    }

    private AftercareView viewOf(Referral r, Aftercare a, AftercareAccess access, CallerIdentity caller) {
        LocalDate today = clock.today();
        List<PlanGoal> goals = goalsOf(r.id).stream().filter(g -> access != AftercareAccess.QNET || g.isQnets()).toList();
        boolean noted = false;
        List<AftercareView.Goal> shown = new ArrayList<>();
        for (PlanGoal g : goals) {
            String note = access.seesNotes() && g.sealedNote != null ? personalData.openNote(r.id, g.id.toString(), g.sealedNote).orElse(null) : null;
            noted |= note != null;
            shown.add(goalOf(g, note));
        }
        if (noted) {
            auditRead(r, caller);
        }
        AftercareWindow w = a == null ? null : a.window();
        AftercareView.Window window = w == null ? null : new AftercareView.Window(w.movedOutOn(), w.endsOn(), w.standardEnd(), w.latestEnd(),
                w.daysLeft(today), a.stateOn(today),
                a.extendedTo == null ? null : new AftercareView.Extension(a.extendedTo, a.extensionReason, a.extendedAt, a.extendedBy),
                a.closedAt, Boolean.TRUE.equals(a.closedWithGoalsOpen));
        AftercareView.Handover handover = a == null || a.handoverOn == null ? null
                : new AftercareView.Handover(a.handoverOn, a.handoverRoles, Boolean.TRUE.equals(a.handoverHeld), a.handoverBefore(a.actualMoveOut));
        AftercareView.Caseworker caseworker = a == null || a.caseworkerName == null ? null
                : new AftercareView.Caseworker(a.caseworkerName, a.caseworkerEmail, a.caseworkerPhone);
        return new AftercareView(r.id, r.municipalityCode, r.status, r.expectedMoveOut, a == null ? null : a.actualMoveOut, window, handover,
                handoverMissing(a), caseworker, shown, a == null ? 0 : a.version);
    }

    private static AftercareView.Goal goalOf(PlanGoal g, String note) {
        return new AftercareView.Goal(g.id, g.domain, g.owner, g.otherOffer, g.dueOn, g.status, g.dropReason, note, g.updatedAt, g.version);
    }

    private static boolean handoverMissing(Aftercare a) {
        return a != null && a.actualMoveOut != null && !a.handoverBefore(a.actualMoveOut);
    }

    private void auditRead(Referral r, CallerIdentity caller) {
        CallerIdentity.Tenant tenant = caller.tenant();
        audit.record(caller.subject(), tenant.role(), tenant.id(), r.id, "READ", AUDITED_FIELDS, null);
    }

    private List<PlanGoal> goalsOf(UUID id) {
        return store.goalsOf(id);
    }

    private byte[] sealed(Referral r, UUID goalId, String note) {
        return personalData.sealNote(r.id, goalId.toString(), note)
                .orElseThrow(() -> ProblemException.conflict("Her personal data was erased: nothing more is written about her."));
    }

    private static AftercareAccess accessOrNotFound(Referral r, CallerIdentity caller) {
        AftercareAccess access = AftercareAccess.of(r, caller);
        if (access == AftercareAccess.NONE) {
            throw ProblemException.notFound();
        }
        return access;
    }

    /** Her referral, locked, for a write that only the given parts may make (403 for the others who see her, 404 for the rest). */
    private Referral lockedFor(UUID id, CallerIdentity caller, String refusal, AftercareAccess... allowed) {
        Referral r = referrals.findLocked(id).orElseThrow(ProblemException::notFound);
        AftercareAccess access = accessOrNotFound(r, caller);
        if (!List.of(allowed).contains(access)) {
            throw ProblemException.forbidden(refusal);
        }
        if (r.erasedAt != null) {
            throw ProblemException.conflict("Her personal data was erased: nothing more is written about her.");
        }
        return r;
    }

    /** Her referral, locked, and her aftercare (made at the first write), still at the version the caller named (else 412). */
    private record Written(Referral referral, Aftercare aftercare) {
    }

    private Written forWrite(UUID id, IfMatch ifMatch, CallerIdentity caller, String refusal, AftercareAccess... allowed) {
        Referral r = lockedFor(id, caller, refusal, allowed);
        Aftercare a = aftercareOf(r);
        ifMatch.check(a.version);
        return new Written(r, a);
    }

    private Aftercare aftercareOf(Referral r) {
        return store.find(r.id).orElseGet(() -> {
            Aftercare a = new Aftercare();
            a.referralId = r.id;
            a.updatedAt = clock.now();
            store.persist(a);
            return a;
        });
    }

    private void step(UUID referralId, CallerIdentity caller, AftercareStep.Action action, PlanGoal goal, String detail) {
        stepBy(referralId, caller.tenant().role(), action, goal, detail, clock.now());
    }

    private void stepAsSystem(UUID referralId, AftercareStep.Action action, PlanGoal goal, String detail, Instant at) {
        stepBy(referralId, "system", action, goal, detail, at);
    }

    private void stepBy(UUID referralId, String role, AftercareStep.Action action, PlanGoal goal, String detail, Instant at) {
        AftercareStep s = new AftercareStep();
        s.referralId = referralId;
        s.at = at;
        s.byRole = role;
        s.action = action;
        s.goalId = goal == null ? null : goal.id;
        s.domain = goal == null ? null : goal.domain;
        s.detail = detail;
        store.persist(s);
    }

    private ProblemException conflict(String slug, String detail, Aftercare a) {
        AftercareWindow w = a.window();
        Map<String, Object> current = new java.util.LinkedHashMap<>();
        current.put("actualMoveOut", a.actualMoveOut);
        if (w != null) {
            current.put("startsOn", w.movedOutOn());
            current.put("endsOn", w.endsOn());
            current.put("standardEnd", w.standardEnd());
            current.put("latestEnd", w.latestEnd());
        }
        current.put("extendedTo", a.extendedTo);
        current.put("extensionReason", a.extensionReason);
        current.put("version", a.version);
        return new ProblemException(Problem.of(409, slug, "Conflict with the aftercare window", detail).withCurrent(current));
    }

    private void dueRule(FieldErrors errors, LocalDate due) {
        LocalDate today = clock.today();
        if (due.isBefore(today.minusYears(2)) || due.isAfter(today.plusYears(2))) {
            errors.add("due", "must be within two years of today");
        }
    }

    private static void otherOfferRule(FieldErrors errors, GoalOwner owner, String offer) {
        boolean named = offer != null && !offer.isBlank();
        if (owner == GoalOwner.OTHER_OFFER && !named) {
            errors.add("otherOffer", "names the offer when the owner is OTHER_OFFER");
        } else if (owner != GoalOwner.OTHER_OFFER && named) {
            errors.add("otherOffer", "only when the owner is OTHER_OFFER");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
