package dk.qnet.referral.audit;

import dk.qnet.platform.identity.Claims;
import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.persistence.SqlValues;
import dk.qnet.platform.time.SuiteClock;
import dk.qnet.referral.PersonalData;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The append-only log of personal-data reads. Each entry's hash covers its content and the
 * previous entry's hash, so a changed or removed row breaks the chain from that row on.
 *
 * <p>The hash is an HMAC-SHA256 under a key kept outside the database ({@link AuditConfig}):
 * whoever can write the table cannot recompute a valid chain after changing a row. Entries
 * written before the key existed (hash version 1, plain SHA-256) verify only up to the id that
 * {@link AuditConfig#plainEntriesUntil} names; every entry after them is keyed. Appends take a transaction-scoped advisory
 * lock: the chain has one order.
 */
@ApplicationScoped
public class AuditLog {

    static final String GENESIS = "0".repeat(64);
    static final int PLAIN = 1;
    static final int KEYED = 2;
    private static final long LOCK_KEY = 0x716e65745f617564L; // "qnet_aud"

    /** An entry; {@code reason} is the coded reason of a break-glass read, null for ordinary reads. */
    public record Entry(@Schema(minimum = "1", maximum = "" + Long.MAX_VALUE) long id,
                        Instant at,
                        @Schema(maxLength = Claims.MAX_SUBJECT_LENGTH) String actorSubject,
                        @Schema(maxLength = Roles.MAX_NAME_LENGTH) String actorRole,
                        @Schema(maxLength = Claims.MAX_TENANT_LENGTH) String actorOrg,
                        UUID referralId,
                        @Schema(maxLength = MAX_ACTION_LENGTH, description = "What was done, such as READ_PERSONAL_DATA or BREAK_GLASS.") String action,
                        @Schema(maxLength = MAX_FIELDS_LENGTH, description = "The personal-data fields shown, comma-separated.") String fields,
                        @Schema(maxLength = MAX_ACTION_LENGTH, description = "A break-glass read's coded reason.") String reason,
                        @Schema(minimum = "1", maximum = "" + Integer.MAX_VALUE) int hashVersion,
                        @Schema(maxLength = HASH_LENGTH) String prevHash,
                        @Schema(maxLength = HASH_LENGTH, description = "Hex of a SHA-256 or HMAC-SHA256.") String hash) {
    }

    /** The audit's own codes and the list of fields are the code's, never a caller's text. */
    static final int MAX_ACTION_LENGTH = 50;
    static final int MAX_FIELDS_LENGTH = 500;
    static final int HASH_LENGTH = 64;

    static {
        if (PersonalData.FIELDS.length() > MAX_FIELDS_LENGTH) {
            throw new IllegalStateException("PersonalData.FIELDS is longer than the audit documents");
        }
    }

    /** The result of checking the whole chain. */
    public record Verification(boolean valid, @Schema(minimum = "0", maximum = "" + Long.MAX_VALUE) long entries,
                               @Schema(minimum = "1", maximum = "" + Long.MAX_VALUE) Long firstBrokenId) {
    }

    private final EntityManager em;
    private final SecretKeySpec chainKey;
    private final long plainEntriesUntil;

    private final Counter appends;
    private final SuiteClock clock;

    public AuditLog(EntityManager em, AuditConfig config, MeterRegistry registry, SuiteClock clock) {
        this.em = em;
        this.appends = Counter.builder("qnet.audit.appends").description("Entries appended to the audit chain").register(registry);
        byte[] key;
        try {
            key = Base64.getDecoder().decode(config.chainKey().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("qnet.audit.chain-key (QNET_AUDIT_CHAIN_KEY) must be base64");
        }
        if (key.length < 32) {
            throw new IllegalStateException("qnet.audit.chain-key (QNET_AUDIT_CHAIN_KEY) must be at least 32 random bytes, base64");
        }
        this.chainKey = new SecretKeySpec(key, "HmacSHA256");
        this.plainEntriesUntil = config.plainEntriesUntil();
        this.clock = clock;
    }

    /** Runs in the read's own transaction: no read of personal data without its entry. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String subject, String role, String org, UUID referralId, String action, String fields, String reason) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, LOCK_KEY).getSingleResult();
        @SuppressWarnings("unchecked")
        List<String> last = em.createNativeQuery("select hash from audit_entry order by id desc limit 1").getResultList();
        String prev = last.isEmpty() ? GENESIS : last.get(0);
        Instant at = clock.now();
        String hash = hash(KEYED, prev, at, subject, role, org, referralId, action, fields, reason);
        em.createNativeQuery("""
                insert into audit_entry (at, actor_subject, actor_role, actor_org, referral_id, action, fields, reason, hash_version,
                                         prev_hash, hash)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                """)
                .setParameter(1, at)
                .setParameter(2, subject)
                .setParameter(3, role)
                .setParameter(4, org)
                .setParameter(5, referralId)
                .setParameter(6, action)
                .setParameter(7, fields)
                .setParameter(8, reason)
                .setParameter(9, KEYED)
                .setParameter(10, prev)
                .setParameter(11, hash)
                .executeUpdate();
        appends.increment();
    }

    @Transactional
    public List<Entry> forReferral(UUID referralId, int offset, int limit) {
        return rows("where referral_id = ?1 order by id offset " + Math.max(0, offset) + " limit " + Math.max(1, Math.min(limit, 5000)), referralId);
    }

    /** The newest entries first, for the administrator's audit page. */
    @Transactional
    public List<Entry> latest(int limit) {
        return rows("order by id desc limit " + Math.max(1, Math.min(limit, 5000)));
    }

    @Transactional
    public long count(UUID referralId) {
        return ((Number) em.createNativeQuery("select count(*) from audit_entry where referral_id = ?1")
                .setParameter(1, referralId).getSingleResult()).longValue();
    }

    /**
     * Recomputes every hash in order; the first row that does not match breaks the chain. A plain
     * entry after the configured last plain one is a forgery.
     */
    @Transactional
    public Verification verify() {
        String prev = GENESIS;
        long count = 0;
        long afterId = 0;
        while (true) {
            List<Entry> page = rows("where id > ?1 order by id limit 1000", afterId);
            if (page.isEmpty()) {
                return new Verification(true, count, null);
            }
            for (Entry e : page) {
                boolean versionOk = e.hashVersion() == KEYED || e.hashVersion() == PLAIN && e.id() <= plainEntriesUntil;
                String expected = versionOk ? hash(e.hashVersion(), prev, e.at(), e.actorSubject(), e.actorRole(), e.actorOrg(),
                        e.referralId(), e.action(), e.fields(), e.reason()) : null;
                if (!versionOk || !e.prevHash().equals(prev) || !MessageDigest.isEqual(bytes(e.hash()), bytes(expected))) {
                    return new Verification(false, count, e.id());
                }
                prev = e.hash();
                count++;
                afterId = e.id();
            }
        }
    }

    private List<Entry> rows(String where, Object... parameters) {
        var query = em.createNativeQuery(
                "select id, at, actor_subject, actor_role, actor_org, referral_id, action, fields, reason, hash_version, prev_hash, hash "
                        + "from audit_entry " + where);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Entry(((Number) r[0]).longValue(), SqlValues.instant(r[1]), (String) r[2], (String) r[3],
                (String) r[4], (UUID) r[5], (String) r[6], (String) r[7], (String) r[8], ((Number) r[9]).intValue(), (String) r[10],
                (String) r[11])).toList();
    }

    /**
     * The hash of one entry. Length-prefixed parts, so no text can move from one field into the
     * next without changing the hash. Version 1: SHA-256 of the parts. Version 2: HMAC-SHA256 of
     * the parts and the reason, under the chain key.
     */
    public String hash(int version, String prev, Instant at, String subject, String role, String org, UUID referralId, String action,
                String fields, String reason) {
        StringBuilder content = new StringBuilder();
        for (String part : new String[] {prev, at.toString(), subject, role, String.valueOf(org), referralId.toString(), action, fields}) {
            content.append(part.length()).append(':').append(part).append(';');
        }
        byte[] input;
        try {
            if (version == PLAIN) {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8)));
            }
            String r = String.valueOf(reason);
            content.append(r.length()).append(':').append(r).append(';');
            input = content.toString().getBytes(StandardCharsets.UTF_8);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(chainKey);
            return HexFormat.of().formatHex(mac.doFinal(input));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String hex) {
        return hex == null ? new byte[0] : hex.getBytes(StandardCharsets.US_ASCII);
    }
}
