package dk.qnet.statistics.publish;

import dk.qnet.statistics.StatisticsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keeps what was computed from the aggregates (suppressed cubes, spreads, the network map) until
 * an event changes them. The consumer raises a version (a sum of counters, see
 * {@link dk.qnet.statistics.aggregate.Changes}) in the same transaction as its change; a
 * reader reads the version once per transaction, before any figure, so whatever it keeps is at
 * least as new as the version it is kept under. A newer version empties the cache.
 *
 * <p>So a dashboard call costs a lookup, however long the history; only the first call after a
 * change pays for suppressing a year's cubes. The least recently used entries go first.
 */
@ApplicationScoped
public class PublishedCache {

    private static final String VERSION = PublishedCache.class.getName() + ".version";

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transaction;
    private final FreshRequest fresh;
    private final int capacity;
    private final Map<Object, Object> entries;
    private long version = -1;

    public PublishedCache(EntityManager em, TransactionSynchronizationRegistry transaction, FreshRequest fresh, StatisticsConfig config) {
        this.em = em;
        this.transaction = transaction;
        this.fresh = fresh;
        this.capacity = config.cachedFigures();
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The kept value of the key, or computes and keeps it. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> compute) {
        long current = currentVersion();
        boolean useKept = capacity > 0 && !fresh.requested();
        if (useKept) {
            synchronized (entries) {
                if (current > version) {
                    entries.clear();
                    version = current;
                }
                Object kept = entries.get(key);
                if (kept != null) {
                    return (T) kept;
                }
            }
        }
        T value = compute.get();
        if (useKept) {
            synchronized (entries) {
                // A reader that started before a newer version must not keep its older figures.
                if (current == version) {
                    entries.put(key, value);
                }
            }
        }
        return value;
    }

    /** The version of the aggregates, read once per transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long currentVersion() {
        Object read = transaction.getResource(VERSION);
        if (read == null) {
            read = ((Number) em.createNativeQuery("select sum(version) from aggregate_version").getSingleResult()).longValue();
            transaction.putResource(VERSION, read);
        }
        return (Long) read;
    }
}
