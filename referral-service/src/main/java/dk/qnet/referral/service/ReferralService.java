package dk.qnet.referral.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.qnet.contracts.referral.MatchingProfile;
import dk.qnet.contracts.referral.ReferralErased;
import dk.qnet.contracts.referral.ReferralReceived;
import dk.qnet.contracts.referral.ReferralStatusChanged;
import dk.qnet.contracts.referral.SenderType;
import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.outbox.Outbox;
import dk.qnet.platform.problem.IfMatch;
import dk.qnet.platform.problem.Problem;
import dk.qnet.platform.problem.ProblemException;
import dk.qnet.platform.time.SuiteClock;
import dk.qnet.platform.validation.FieldRules;
import dk.qnet.referral.BreakGlassReason;
import dk.qnet.referral.Child;
import dk.qnet.referral.PersonalData;
import dk.qnet.referral.Referral;
import dk.qnet.referral.ReferralLifecycle;
import dk.qnet.referral.ReferralStatus;
import dk.qnet.referral.ReferralStatusChange;
import dk.qnet.referral.StatusReason;
import dk.qnet.referral.audit.AuditLog;
import dk.qnet.referral.crypto.PersonalDataStore;
import dk.qnet.referral.network.NetworkRouting;
import dk.qnet.referral.crypto.PersonalDataVault;
import dk.qnet.referral.service.NewReferral;
import dk.qnet.referral.webhook.Webhooks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Referral intake, reads and status changes, with the access rules of docs/ARCHITECTURE.md. */
@ApplicationScoped
public class ReferralService {

    /** The outcome of a create: the referral, and whether an earlier identical request made it. */
    public record Created(Referral referral, boolean replayed) {
    }

    private final ReferralRepository referrals;
    private final StatusHistory history;
    private final IdempotencyKeys idempotencyKeys;
    private final Outbox outbox;
    private final NetworkRouting routing;
    private final PersonalDataStore personalData;
    private final PersonalDataVault vault;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Webhooks webhooks;
    private final ReferralRequestValidator validator;
    private final SuiteClock clock;
    private final jakarta.enterprise.inject.Instance<ReferralDataHolder> holders;

    public ReferralService(ReferralRepository referrals, StatusHistory history, IdempotencyKeys idempotencyKeys, Outbox outbox, NetworkRouting routing, PersonalDataStore personalData,
                           PersonalDataVault vault, AuditLog audit, ObjectMapper json, Webhooks webhooks,
                           ReferralRequestValidator validator, SuiteClock clock,
                           jakarta.enterprise.inject.Instance<ReferralDataHolder> holders) {
        this.holders = holders;
        this.validator = validator;
        this.referrals = referrals;
        this.history = history;
        this.idempotencyKeys = idempotencyKeys;
        this.outbox = outbox;
        this.routing = routing;
        this.personalData = personalData;
        this.vault = vault;
        this.audit = audit;
        this.json = json;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @Transactional
    public Created create(NewReferral request, String idempotencyKey, CallerIdentity caller) {
        validator.validate(request).throwIfAny("The referral");
        SenderType senderType = caller.hasRole(Roles.SHELTER) ? SenderType.SHELTER : SenderType.MUNICIPALITY;
        String senderOrg = caller.senderOrg().orElseThrow(() -> ProblemException.forbidden(
                "The token lacks the " + (senderType == SenderType.SHELTER ? Roles.ORG_ID_CLAIM : Roles.MUNICIPALITY_CLAIM) + " claim."));
        UUID id = UUID.randomUUID();
        if (idempotencyKey != null) {
            Optional<Referral> earlier = claimIdempotencyKey(senderOrg, idempotencyKey, requestBytes(request), id);
            if (earlier.isPresent()) {
                return new Created(earlier.get(), true);
            }
        }
        Instant now = clock.now();
        Referral r = new Referral();
        r.id = id;
        r.status = ReferralStatus.RECEIVED;
        r.municipalityCode = request.municipalityCode();
        r.networkId = routing.networkFor(request.municipalityCode()).orElse(null);
        r.unrouted = r.networkId == null;
        r.senderType = senderType;
        r.senderOrgId = senderOrg;
        r.expectedMoveOut = request.expectedMoveOutDate();
        r.children = request.children() == null ? List.of()
                : request.children().stream().map(c -> new Child(c.birthYear(), c.sex())).toList();
        NewReferral.Matching m = request.matching();
        NewReferral.Preferences p = m.preferences();
        r.matching = new MatchingProfile(m.languages(), m.needs(), m.availability(),
                p == null ? null : p.volunteerAgeBand(), p == null ? null : p.interests());
        r.setConsentScopes(request.consent().scopes());
        r.consentGivenAt = request.consent().givenAt().truncatedTo(ChronoUnit.MICROS);
        r.consentMethod = request.consent().method();
        r.consentRecordedBy = caller.subject();
        r.receivedAt = now;
        r.updatedAt = now;
        referrals.persist(r);
        NewReferral.Woman w = request.woman();
        NewReferral.Safety s = request.safety();
        personalData.save(id, new PersonalData(w.firstName().strip(), w.lastName().strip(),
                FieldRules.normalisePhone(w.phone()), w.email(), w.preferredContact(), w.contactTimes(),
                s.safeToLeaveMessage(), s.protectedAddress(), s.safetyNotes(), p == null ? null : p.wishes()));
        recordStatus(r, roleOf(caller));
        outbox.append(id.toString(), new ReferralReceived(id, now, r.municipalityCode, r.networkId, r.senderType,
                r.childrenBirthYears(), r.consentScopes, r.matching));
        return new Created(r, false);
    }

    /**
     * The referral as the caller may see it. A full view decrypts the personal data and writes an
     * audit entry in the same transaction; callers who may not see it get 404.
     */
    @Transactional
    public Disclosure read(UUID id, CallerIdentity caller) {
        Referral r = visible(id, caller);
        return switch (ReferralAccess.viewOf(r, caller)) {
            case STATUS, SUMMARY -> new Disclosure(r, ReferralAccess.viewOf(r, caller), null);
            case FULL -> new Disclosure(r, ReferralAccess.View.FULL, audited(r, caller, "READ", null).orElse(null));
            case NONE -> throw ProblemException.notFound();
        };
    }

    /**
     * An administrator's break-glass read: her personal data, which the admin role otherwise
     * never shows, with a coded reason that the audit log keeps beside the read.
     */
    @Transactional
    public Disclosure breakGlass(UUID id, BreakGlassReason reason, CallerIdentity caller) {
        if (!caller.isAdmin()) {
            throw ProblemException.forbidden("Only an administrator reads personal data by break-glass.");
        }
        if (reason == null) {
            throw ProblemException.invalid("reason", "must be one of " + java.util.Arrays.toString(BreakGlassReason.values()));
        }
        Referral r = referrals.findByIdOptional(id).orElseThrow(ProblemException::notFound);
        return new Disclosure(r, ReferralAccess.View.FULL, audited(r, caller, "BREAK_GLASS", reason.name()).orElse(null));
    }

    /** Her personal data, and the audit entry of this read in the same transaction; nothing is audited once it is erased. */
    private Optional<PersonalData> audited(Referral r, CallerIdentity caller, String action, String reason) {
        Optional<PersonalData> data = personalData.load(r.id);
        if (data.isPresent()) {
            CallerIdentity.Tenant tenant = caller.tenant();
            audit.record(caller.subject(), tenant.role(), tenant.id(), r.id, action, PersonalData.FIELDS, reason);
        }
        return data;
    }

    /** The view of a referral that an answer to the caller may show (after a change, at least its status). */
    @Transactional
    public Disclosure answerFor(Referral r, CallerIdentity caller) {
        ReferralAccess.View view = ReferralAccess.listViewOf(r, caller);
        return new Disclosure(r, view == ReferralAccess.View.NONE ? ReferralAccess.View.STATUS : view, null);
    }

    /** A referral the caller may see, and whether only its status. */
    public record Visible(Referral referral, boolean statusOnly) {
    }

    @Transactional
    public Visible visibleTo(UUID id, CallerIdentity caller) {
        Referral r = visible(id, caller);
        return new Visible(r, ReferralAccess.viewOf(r, caller) == ReferralAccess.View.STATUS);
    }

    /** The most steps a history answers: a referral's lifecycle takes a handful, so this is never reached in earnest. */
    public static final int MAX_HISTORY = 1000;

    @Transactional
    public List<ReferralStatusChange> history(UUID id, CallerIdentity caller) {
        visible(id, caller);
        return history.of(id, MAX_HISTORY);
    }

    @Transactional
    public Referral accept(UUID id, IfMatch ifMatch, CallerIdentity caller) {
        Referral r = forUpdate(id, ifMatch, caller);
        requireDecider(r, caller);
        return transition(r, ReferralStatus.ACCEPTED, null, roleOf(caller));
    }

    @Transactional
    public Referral reject(UUID id, StatusReason reason, IfMatch ifMatch, CallerIdentity caller) {
        Referral r = forUpdate(id, ifMatch, caller);
        requireDecider(r, caller);
        requireReason(reason, StatusReason.REJECTION);
        return transition(r, ReferralStatus.REJECTED, reason, roleOf(caller));
    }

    @Transactional
    public Referral withdraw(UUID id, StatusReason reason, IfMatch ifMatch, CallerIdentity caller) {
        Referral r = forUpdate(id, ifMatch, caller);
        if (!caller.isAdmin() && !ReferralAccess.isSender(r, caller)) {
            throw ProblemException.forbidden("Only the sender withdraws a referral.");
        }
        requireReason(reason, StatusReason.WITHDRAWAL);
        return transition(r, ReferralStatus.WITHDRAWN, reason, roleOf(caller));
    }

    /**
     * The woman withdrew her consent: her personal data is erased at once, the referral is
     * withdrawn if it was still open, and every service is told to forget her.
     */
    @Transactional
    public Referral withdrawConsent(UUID id, IfMatch ifMatch, CallerIdentity caller) {
        Referral r = forUpdate(id, ifMatch, caller);
        boolean allowed = caller.isAdmin() || ReferralAccess.isSender(r, caller) || ReferralAccess.isTargetCoordinator(r, caller);
        if (!allowed) {
            throw ProblemException.forbidden("Only the sender or the network's coordinator records a withdrawal of consent.");
        }
        if (!r.status.isFinal()) {
            transition(r, ReferralStatus.WITHDRAWN, StatusReason.CONSENT_WITHDRAWN, roleOf(caller));
        }
        r.setConsentScopes(List.of());
        erase(r, "CONSENT_WITHDRAWN");
        return r;
    }

    /**
     * A coordinator ended her match because she withdrew her consent: the same erasure as the
     * consent-withdrawal endpoint, driven by the event, as the system.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void consentWithdrawnInMatching(UUID id) {
        Referral r = referrals.findLocked(id).orElse(null);
        if (r == null) {
            return;
        }
        if (!r.status.isFinal() && ReferralLifecycle.allows(r.status, ReferralStatus.CLOSED)) {
            transition(r, ReferralStatus.CLOSED, StatusReason.CONSENT_WITHDRAWN, "system");
        }
        r.setConsentScopes(List.of());
        erase(r, "CONSENT_WITHDRAWN");
    }

    /**
     * Closes and erases one referral nobody decided on (still RECEIVED) since before
     * {@code receivedBefore}: nobody took her on, so nothing about her is kept.
     */
    @Transactional
    public boolean closeIfUndecided(UUID id, Instant receivedBefore) {
        Referral r = referrals.findLocked(id).orElse(null);
        if (r == null || r.status != ReferralStatus.RECEIVED || !r.receivedAt.isBefore(receivedBefore) || held(id)) {
            return false;
        }
        transition(r, ReferralStatus.CLOSED, StatusReason.UNDECIDED, "system");
        erase(r, "RETENTION");
        return true;
    }

    /** Erasure by an administrator. */
    @Transactional
    public Referral eraseByAdmin(UUID id, IfMatch ifMatch, CallerIdentity caller) {
        Referral r = forUpdate(id, ifMatch, caller);
        if (!caller.isAdmin()) {
            throw ProblemException.forbidden("Only an administrator erases referrals.");
        }
        erase(r, "ADMIN");
        return r;
    }

    /** Erases one referral whose retention time after its final status has passed. */
    @Transactional
    public boolean eraseIfExpired(UUID id, Instant finalBefore) {
        Referral r = referrals.findLocked(id).orElse(null);
        if (r == null || r.erasedAt != null || r.finalAt == null || !r.finalAt.isBefore(finalBefore) || held(id)) {
            return false;
        }
        erase(r, "RETENTION");
        return true;
    }

    /** Applies a status that follows from matching, as the system; an illegal step is ignored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyFromMatching(UUID id, ReferralStatus status, StatusReason reason) {
        Referral r = referrals.findLocked(id).orElse(null);
        if (r != null && r.status != status && ReferralLifecycle.allows(r.status, status)) {
            transition(r, status, reason, "system");
        }
    }

    /**
     * Crypto-shredding of her personal data, and everything on the referral row that could single
     * her out goes too: children, move-out date, matching profile and consent details. What stays
     * is what statistics already has in coarse form (municipality, network, sender type, the
     * dated status history) and the sender's id, so the sender still sees that it was erased.
     */
    private void erase(Referral r, String cause) {
        if (r.erasedAt != null) {
            return;
        }
        personalData.erase(r.id);
        holders.forEach(h -> h.erase(r.id));
        r.scrubAfterErasure();
        r.erasedAt = clock.now();
        r.updatedAt = r.erasedAt;
        idempotencyKeys.forget(r.id);
        outbox.append(r.id.toString(), new ReferralErased(r.id, cause, r.erasedAt));
    }

    /** Another holder of her data still uses it: retention waits. */
    private boolean held(UUID id) {
        return holders.stream().anyMatch(h -> h.holdsRetention(id));
    }

    private Referral transition(Referral r, ReferralStatus to, StatusReason reason, String changedBy) {
        if (!ReferralLifecycle.allows(r.status, to)) {
            throw new ProblemException(new Problem("https://qnet.rodekors.dk/problems/illegal-transition",
                    "Illegal status change", 409,
                    "A referral in status " + r.status + " cannot become " + to + ". Allowed next: " + ReferralLifecycle.next(r.status) + ".",
                    List.of()), Map.of("X-Current-Status", r.status.name()));
        }
        r.status = to;
        r.statusReason = reason;
        r.updatedAt = clock.now();
        if (to.isFinal()) {
            r.finalAt = r.updatedAt;
        }
        recordStatus(r, changedBy);
        outbox.append(r.id.toString(), new ReferralStatusChanged(r.id, r.networkId, ReferralStatusChanged.Status.valueOf(to.name()),
                reason == null ? null : reason.name(), r.updatedAt));
        return r;
    }

    private Referral visible(UUID id, CallerIdentity caller) {
        return referrals.findByIdOptional(id).filter(r -> ReferralAccess.viewOf(r, caller) != ReferralAccess.View.NONE)
                .orElseThrow(ProblemException::notFound);
    }

    /** The referral locked for a change the caller may see, still at a version the caller named (else 412). */
    private Referral forUpdate(UUID id, IfMatch ifMatch, CallerIdentity caller) {
        Referral r = referrals.findLocked(id).filter(found -> ReferralAccess.viewOf(found, caller) != ReferralAccess.View.NONE)
                .orElseThrow(ProblemException::notFound);
        ifMatch.check(r.version);
        return r;
    }

    private static void requireDecider(Referral r, CallerIdentity caller) {
        if (!caller.isAdmin() && !ReferralAccess.isTargetCoordinator(r, caller)) {
            throw ProblemException.forbidden("Only the coordinator of the referral's network accepts or rejects it.");
        }
    }

    private static void requireReason(StatusReason reason, java.util.Set<StatusReason> allowed) {
        if (reason == null || !allowed.contains(reason)) {
            throw ProblemException.invalid("reason", "must be one of " + allowed);
        }
    }

    private void recordStatus(Referral r, String changedBy) {
        ReferralStatusChange change = new ReferralStatusChange();
        change.referralId = r.id;
        change.status = r.status;
        change.reason = r.statusReason;
        change.changedAt = r.updatedAt;
        change.changedBy = changedBy;
        history.persist(change);
        webhooks.enqueue(r.senderOrgId, r.id, r.status.name(), r.updatedAt);
    }

    private static String roleOf(CallerIdentity caller) {
        return caller.tenant().role();
    }


    /**
     * Inserts the key first. A concurrent request with the same key waits on that row and then
     * finds it, so two retries racing each other still create one referral.
     */
    private Optional<Referral> claimIdempotencyKey(String orgId, String key, byte[] requestBytes, UUID newId) {
        if (idempotencyKeys.claim(orgId, key, vault.keyedHash(requestBytes), newId)) {
            return Optional.empty();
        }
        IdempotencyKeys.Earlier earlier = idempotencyKeys.earlier(orgId, key);
        if (!vault.matchesKeyedHash(requestBytes, earlier.requestHash())) {
            throw new ProblemException(Problem.of(422, "idempotency-key-reused", "Idempotency key reused",
                    "This Idempotency-Key was used before with a different request body."));
        }
        return referrals.findByIdOptional(earlier.referralId());
    }

    private byte[] requestBytes(NewReferral request) {
        try {
            return json.writeValueAsBytes(request);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
