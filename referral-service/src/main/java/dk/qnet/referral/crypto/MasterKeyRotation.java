package dk.qnet.referral.crypto;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * Moves every wrapped data key onto the current master key, in the background and in small
 * transactions, so a retiring key can be removed once nothing uses it. The ciphertexts stay as
 * they are: only the few bytes of each wrapped key change.
 */
@ApplicationScoped
public class MasterKeyRotation {

    private static final Logger LOG = Logger.getLogger(MasterKeyRotation.class);

    /** The tables that hold sealed values: table, the column that names the row's context, and how the context is written. */
    private record SealedTable(String table, String idColumn, String contextPrefix) {
    }

    /** Webhook secrets are sealed under the context {@code webhook:<org_id>}. */
    public static final String WEBHOOK_CONTEXT_PREFIX = "webhook:";

    private static final List<SealedTable> TABLES = List.of(
            new SealedTable("referral_secret", "referral_id", ""),
            new SealedTable("webhook_subscription", "org_id", WEBHOOK_CONTEXT_PREFIX));

    /** How many sealed values each master key wraps, per table. */
    public record KeyUsage(@Schema(maxLength = PersonalDataVault.MAX_KEY_ID_LENGTH) String masterKeyId, boolean current, boolean configured,
                           @Schema(description = "Rows wrapped by this key, per sealed table.",
                                   additionalProperties = RowCount.class) Map<String, Long> rows) {
    }

    @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, format = "int64", minimum = "0",
            maximum = "" + Long.MAX_VALUE)
    interface RowCount {
    }

    private final EntityManager em;
    private final PersonalDataVault vault;
    private final CryptoConfig config;

    public MasterKeyRotation(EntityManager em, PersonalDataVault vault, CryptoConfig config) {
        this.em = em;
        this.vault = vault;
        this.config = config;
    }

    @Scheduled(every = "${qnet.crypto.rewrap-interval:1m}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int moved = rewrapAll();
        if (moved > 0) {
            LOG.infof("Re-wrapped %d data key(s) under master key %s", moved, vault.currentKeyId());
        }
    }

    /** Re-wraps until no row of a configured older key is left; returns how many moved. */
    public int rewrapAll() {
        int total = 0;
        for (SealedTable table : TABLES) {
            int moved;
            do {
                moved = QuarkusTransaction.requiringNew().call(() -> rewrapBatch(table));
                total += moved;
            } while (moved == config.rewrapBatch());
        }
        return total;
    }

    private int rewrapBatch(SealedTable t) {
        List<String> older = new ArrayList<>(vault.configuredKeyIds());
        older.remove(vault.currentKeyId());
        if (older.isEmpty()) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select cast(" + t.idColumn() + " as text), master_key_id, wrapped_key from " + t.table()
                        + " where master_key_id in (?1) order by " + t.idColumn() + " limit ?2 for update skip locked")
                .setParameter(1, older).setParameter(2, config.rewrapBatch()).getResultList();
        for (Object[] row : rows) {
            String id = (String) row[0];
            byte[] wrapped = vault.rewrap(t.contextPrefix() + id, (String) row[1], (byte[]) row[2]);
            em.createNativeQuery("update " + t.table() + " set master_key_id = ?1, wrapped_key = ?2 where cast(" + t.idColumn() + " as text) = ?3")
                    .setParameter(1, vault.currentKeyId()).setParameter(2, wrapped).setParameter(3, id).executeUpdate();
        }
        return rows.size();
    }

    /** Every master key that wraps something, or is configured, with its row counts. */
    public static final int MAX_LISTED = 100;

    public List<KeyUsage> usage() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Map<String, Long>> counts = new TreeMap<>();
            vault.configuredKeyIds().forEach(id -> counts.put(id, new LinkedHashMap<>()));
            for (SealedTable t : TABLES) {
                @SuppressWarnings("unchecked")
                List<Object[]> rows = em.createNativeQuery("select master_key_id, count(*) from " + t.table()
                        + " where master_key_id is not null group by master_key_id").getResultList();
                for (Object[] r : rows) {
                    counts.computeIfAbsent((String) r[0], k -> new LinkedHashMap<>()).put(t.table(), ((Number) r[1]).longValue());
                }
            }
            List<KeyUsage> usage = new ArrayList<>();
            counts.forEach((id, rows) -> {
                for (SealedTable t : TABLES) {
                    rows.putIfAbsent(t.table(), 0L);
                }
                usage.add(new KeyUsage(id, id.equals(vault.currentKeyId()), vault.configuredKeyIds().contains(id), rows));
            });
            // The configured keys (at most PersonalDataVault.MAX_KEYS) and any older id a wrapping still names.
            return usage.size() > MAX_LISTED ? List.copyOf(usage.subList(0, MAX_LISTED)) : usage;
        });
    }
}
