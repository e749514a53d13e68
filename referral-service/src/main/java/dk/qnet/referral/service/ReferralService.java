package dk.qnet.referral.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.qnet.contracts.referral.ReferralReceived;
import dk.qnet.contracts.referral.SenderType;
import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.outbox.Outbox;
import dk.qnet.platform.problem.FieldError;
import dk.qnet.platform.problem.Problem;
import dk.qnet.platform.problem.ProblemException;
import dk.qnet.referral.Referral;
import dk.qnet.referral.ReferralStatus;
import dk.qnet.referral.ReferralStatusChange;
import dk.qnet.referral.rest.NewReferral;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Referral intake and reads, with the access rules of DESIGN.md. */
@ApplicationScoped
public class ReferralService {

    /** The outcome of a create: the referral, and whether this call created it. */
    public record Created(Referral referral, boolean replayed) {
    }

    private final EntityManager em;
    private final Outbox outbox;
    private final NetworkRouting routing;
    private final ObjectMapper json;
    private final ReferralRequestValidator validator = new ReferralRequestValidator(Clock.systemUTC());

    public ReferralService(EntityManager em, Outbox outbox, NetworkRouting routing, ObjectMapper json) {
        this.em = em;
        this.outbox = outbox;
        this.routing = routing;
        this.json = json;
    }

    @Transactional
    public Created create(NewReferral request, String idempotencyKey, CallerIdentity caller) {
        List<FieldError> errors = validator.validate(request);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid("The referral has " + errors.size() + " invalid field(s).", errors));
        }
        Sender sender = senderOf(caller);
        UUID id = UUID.randomUUID();
        if (idempotencyKey != null) {
            Optional<Referral> earlier = claimIdempotencyKey(sender.orgId(), idempotencyKey, hash(request), id);
            if (earlier.isPresent()) {
                return new Created(earlier.get(), true);
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Referral referral = new Referral();
        referral.id = id;
        referral.status = ReferralStatus.RECEIVED;
        referral.municipalityCode = request.municipalityCode();
        referral.networkId = routing.networkFor(request.municipalityCode()).orElse(null);
        referral.unrouted = referral.networkId == null;
        referral.senderType = sender.type();
        referral.senderOrgId = sender.orgId();
        referral.childrenBirthYears = request.children() == null ? List.of()
                : request.children().stream().map(NewReferral.Child::birthYear).toList();
        referral.consentScopes = List.copyOf(request.consent().scopes());
        referral.consentGivenAt = request.consent().givenAt().truncatedTo(ChronoUnit.MICROS);
        referral.consentMethod = request.consent().method();
        referral.receivedAt = now;
        referral.updatedAt = now;
        em.persist(referral);
        recordStatus(referral, null, caller);
        outbox.append(id.toString(), new ReferralReceived(id, now, referral.municipalityCode, referral.networkId,
                referral.senderType, referral.childrenBirthYears, referral.consentScopes));
        return new Created(referral, false);
    }

    /** The referral if the caller may see it; otherwise empty, whether or not it exists. */
    @Transactional
    public Optional<Referral> findVisible(UUID id, CallerIdentity caller) {
        Referral referral = em.find(Referral.class, id);
        if (referral == null) {
            return Optional.empty();
        }
        return caller.isAdmin() || isSender(referral, caller) ? Optional.of(referral) : Optional.empty();
    }

    private static boolean isSender(Referral referral, CallerIdentity caller) {
        try {
            return senderOf(caller).orgId().equals(referral.senderOrgId);
        } catch (ProblemException notASender) {
            return false;
        }
    }

    private void recordStatus(Referral referral, String reason, CallerIdentity caller) {
        ReferralStatusChange change = new ReferralStatusChange();
        change.referralId = referral.id;
        change.status = referral.status;
        change.reason = reason;
        change.changedAt = referral.updatedAt;
        change.changedBy = caller == null ? "system" : roleOf(caller);
        em.persist(change);
    }

    private static String roleOf(CallerIdentity caller) {
        for (String role : List.of(Roles.ADMIN, Roles.COORDINATOR, Roles.SHELTER, Roles.ADVISER)) {
            if (caller.hasRole(role)) {
                return role;
            }
        }
        return "unknown";
    }

    /**
     * Inserts the key first. A concurrent request with the same key waits on that row and then
     * finds it, so two retries racing each other still create one referral.
     */
    private Optional<Referral> claimIdempotencyKey(String orgId, String key, String requestHash, UUID newId) {
        int inserted = em.createNativeQuery("""
                insert into idempotency_key (sender_org_id, key, request_hash, referral_id, created_at)
                values (?1, ?2, ?3, ?4, now()) on conflict do nothing
                """)
                .setParameter(1, orgId)
                .setParameter(2, key)
                .setParameter(3, requestHash)
                .setParameter(4, newId)
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        Object[] earlier = (Object[]) em.createNativeQuery(
                        "select request_hash, referral_id from idempotency_key where sender_org_id = ?1 and key = ?2")
                .setParameter(1, orgId)
                .setParameter(2, key)
                .getSingleResult();
        if (!requestHash.equals(earlier[0])) {
            throw new ProblemException(Problem.of(422, "idempotency-key-reused", "Idempotency key reused",
                    "This Idempotency-Key was used before with a different request body."));
        }
        return Optional.of(em.find(Referral.class, earlier[1]));
    }

    private String hash(NewReferral request) {
        try {
            byte[] canonical = json.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    record Sender(SenderType type, String orgId) {
    }

    /** The sending organisation, from the token alone. */
    static Sender senderOf(CallerIdentity caller) {
        if (caller.hasRole(Roles.SHELTER)) {
            return new Sender(SenderType.SHELTER, caller.required(caller.orgId(), Roles.ORG_ID_CLAIM));
        }
        if (caller.hasRole(Roles.ADVISER)) {
            return new Sender(SenderType.MUNICIPALITY,
                    "municipality:" + caller.required(caller.municipalityCode(), Roles.MUNICIPALITY_CLAIM));
        }
        throw ProblemException.forbidden("Only shelters and municipal advisers send referrals.");
    }
}
