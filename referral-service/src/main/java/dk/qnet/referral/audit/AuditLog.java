package dk.qnet.referral.audit;

import dk.qnet.platform.persistence.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The append-only log of personal-data reads. Each entry's hash covers its content and the
 * previous entry's hash, so a changed or removed row breaks the chain from that row on.
 * Appends take a transaction-scoped advisory lock: the chain has one order.
 */
@ApplicationScoped
public class AuditLog {

    static final String GENESIS = "0".repeat(64);
    private static final long LOCK_KEY = 0x716e65745f617564L; // "qnet_aud"

    public record Entry(long id, Instant at, String actorSubject, String actorRole, String actorOrg, UUID referralId,
                        String action, String fields, String prevHash, String hash) {
    }

    /** The result of checking the whole chain. */
    public record Verification(boolean valid, long entries, Long firstBrokenId) {
    }

    private final EntityManager em;

    public AuditLog(EntityManager em) {
        this.em = em;
    }

    /** Runs in the read's own transaction: no read of personal data without its entry. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String subject, String role, String org, UUID referralId, String action, String fields) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, LOCK_KEY).getSingleResult();
        @SuppressWarnings("unchecked")
        List<String> last = em.createNativeQuery("select hash from audit_entry order by id desc limit 1").getResultList();
        String prev = last.isEmpty() ? GENESIS : last.get(0);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String hash = hash(prev, at, subject, role, org, referralId, action, fields);
        em.createNativeQuery("""
                insert into audit_entry (at, actor_subject, actor_role, actor_org, referral_id, action, fields, prev_hash, hash)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                """)
                .setParameter(1, at)
                .setParameter(2, subject)
                .setParameter(3, role)
                .setParameter(4, org)
                .setParameter(5, referralId)
                .setParameter(6, action)
                .setParameter(7, fields)
                .setParameter(8, prev)
                .setParameter(9, hash)
                .executeUpdate();
    }

    @Transactional
    public List<Entry> forReferral(UUID referralId, int limit) {
        return rows("where referral_id = ?1 order by id limit " + limit, referralId);
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

    /** Recomputes every hash in order; the first row that does not match breaks the chain. */
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
                String expected = hash(prev, e.at(), e.actorSubject(), e.actorRole(), e.actorOrg(), e.referralId(), e.action(), e.fields());
                if (!e.prevHash().equals(prev) || !e.hash().equals(expected)) {
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
                "select id, at, actor_subject, actor_role, actor_org, referral_id, action, fields, prev_hash, hash from audit_entry " + where);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Entry(((Number) r[0]).longValue(), SqlValues.instant(r[1]), (String) r[2], (String) r[3],
                (String) r[4], (UUID) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9])).toList();
    }

    static String hash(String prev, Instant at, String subject, String role, String org, UUID referralId, String action, String fields) {
        // Length-prefixed, so no text can move from one field into the next without changing the hash.
        StringBuilder content = new StringBuilder();
        for (String part : new String[] {prev, at.toString(), subject, role, String.valueOf(org), referralId.toString(), action, fields}) {
            content.append(part.length()).append(':').append(part).append(';');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
