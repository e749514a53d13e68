package dk.qnet.referral.network;

import dk.qnet.contracts.EventJson;
import dk.qnet.contracts.network.NetworkUpdated;
import dk.qnet.platform.persistence.SqlValues;
import dk.qnet.platform.transaction.AfterCompletion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finds the network that covers a municipality ({@link Routes}), from the networks matching-service
 * publishes. The table changes a few times a year and is read at every intake, so it is kept in
 * memory: read again after this process applied a change (once that commits), and at the latest
 * {@link #FRESH_FOR_NANOS} after the last reading, which is how a change another replica applied
 * arrives here. A transaction that changed the table reads the table itself until it ends.
 */
@ApplicationScoped
public class NetworkRouting {

    /** How long a reading of the table answers before it is read again: 10 s. */
    static final long FRESH_FOR_NANOS = 10_000_000_000L;

    private record Reading(Routes routes, long readAt) {
    }

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final Map<String, String> seed = new HashMap<>();
    private volatile Reading reading;
    /** Counts the changes this process applied, so a reading that raced one is not kept. */
    private final AtomicLong changes = new AtomicLong();

    public NetworkRouting(EntityManager em, TransactionSynchronizationRegistry transactions, RoutingConfig config) {
        this.em = em;
        this.transactions = transactions;
        for (String pair : config.seed().split(",")) {
            String[] kv = pair.trim().split("=");
            if (kv.length == 2) {
                seed.put(kv[0].trim(), kv[1].trim());
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> networkFor(String municipalityCode) {
        if (AfterCompletion.registered(transactions, NetworkRouting.class)) {
            return read().networkFor(municipalityCode);
        }
        Reading current = reading;
        if (current == null || System.nanoTime() - current.readAt() > FRESH_FOR_NANOS) {
            long generation = changes.get();
            current = new Reading(read(), System.nanoTime());
            if (changes.get() == generation) {
                reading = current;
            }
        }
        return current.routes().networkFor(municipalityCode);
    }

    private Routes read() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select network_id, active, cast(municipality_codes as text) from network_route")
                .getResultList();
        return Routes.of(rows.stream().map(row -> new Routes.Network((String) row[0], (Boolean) row[1], codes((String) row[2]))).toList(), seed);
    }

    private static List<String> codes(String json) {
        try {
            return List.of(EventJson.read(json, String[].class));
        } catch (IOException e) {
            throw new IllegalStateException("network_route holds municipality codes that are not a JSON list", e);
        }
    }

    /** Applies a network's newest description; an older one arriving late changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(NetworkUpdated n) {
        changedInThisTransaction();
        @SuppressWarnings("unchecked")
        List<Object> current = em.createNativeQuery("select updated_at from network_route where network_id = ?1")
                .setParameter(1, n.networkId()).getResultList();
        if (!current.isEmpty() && SqlValues.instant(current.get(0)).isAfter(n.updatedAt())) {
            return;
        }
        em.createNativeQuery("""
                insert into network_route (network_id, name, active, municipality_codes, updated_at)
                values (?1, ?2, ?3, cast(?4 as jsonb), ?5)
                on conflict (network_id) do update set name = excluded.name, active = excluded.active,
                    municipality_codes = excluded.municipality_codes, updated_at = excluded.updated_at
                """)
                .setParameter(1, n.networkId()).setParameter(2, n.name()).setParameter(3, n.active())
                .setParameter(4, EventJson.write(n.municipalityCodes())).setParameter(5, n.updatedAt())
                .executeUpdate();
    }

    /** The reading in memory is dropped now and again when this transaction ends, committed or not. */
    private void changedInThisTransaction() {
        changes.incrementAndGet();
        reading = null;
        AfterCompletion.once(transactions, NetworkRouting.class, committed -> {
            changes.incrementAndGet();
            reading = null;
        });
    }
}
