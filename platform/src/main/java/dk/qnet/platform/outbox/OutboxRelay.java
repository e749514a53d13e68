package dk.qnet.platform.outbox;

import dk.qnet.contracts.EventHeaders;
import dk.qnet.platform.persistence.SqlValues;
import dk.qnet.platform.time.SuiteClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows in insertion order and marks a row published only after the broker has
 * acknowledged it. One relay at a time holds a PostgreSQL advisory lock, so replicas never
 * interleave and the order per key holds. Delivery is at least once; consumers de-duplicate.
 */
@OutboxEnabled
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long LOCK_KEY = 0x716e65745f6f7574L; // "qnet_out"

    private final EntityManager em;
    private final OutboxProducer producer;
    private final OutboxConfig config;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean stopped;
    private volatile java.time.Instant failingSince;

    private final Counter published;
    private final Counter failures;
    private final SuiteClock clock;

    public OutboxRelay(EntityManager em, OutboxProducer producer, OutboxConfig config, MeterRegistry registry, SuiteClock clock) {
        this.em = em;
        this.producer = producer;
        this.config = config;
        this.published = Counter.builder("qnet.outbox.published").description("Events acknowledged by Kafka").register(registry);
        this.failures = Counter.builder("qnet.outbox.publish.failures")
                .description("Relay passes that stopped at an event Kafka did not acknowledge").register(registry);
        this.clock = clock;
    }

    @Scheduled(every = "${qnet.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    /** Asks for a relay pass soon; passes never run concurrently within one process. */
    public void wake() {
        if (!stopped && queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                drain();
            });
        }
    }

    void drain() {
        try {
            int relayed;
            do {
                relayed = QuarkusTransaction.requiringNew().call(this::relayBatch);
            } while (relayed == config.batchSize() && !stopped);
            if (relayed == FAILED) {
                throw new IllegalStateException("the broker did not acknowledge an event");
            }
            if (failingSince != null) {
                LOG.info("Outbox relay publishes again");
                failingSince = null;
            }
        } catch (RuntimeException e) {
            if (failingSince == null) {
                // No payload in the log: only what failed, in general terms.
                LOG.warnf("Outbox relay could not publish, will retry: %s", e.getClass().getSimpleName());
                failingSince = clock.now();
            }
        }
    }

    private static final int FAILED = -1;

    /** Since when the relay has failed to publish (the broker away), or empty while it publishes. */
    public java.util.Optional<java.time.Instant> failingSince() {
        return java.util.Optional.ofNullable(failingSince);
    }

    /** Returns how many rows it relayed, 0 also when another replica holds the lock, or FAILED. */
    int relayBatch() {
        Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, LOCK_KEY)
                .getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, event_id, topic, aggregate_id, event_type, schema_version, occurred_at, payload, traceparent
                from outbox_event where published_at is null order by id limit ?1
                """)
                .setParameter(1, config.batchSize())
                .getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            acks.add(producer.send(toRecord(row)));
        }
        List<Long> published = new ArrayList<>(rows.size());
        Exception failure = null;
        for (int i = 0; i < rows.size(); i++) {
            try {
                acks.get(i).get(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
                published.add(((Number) rows.get(i)[0]).longValue());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
                break;
            } catch (Exception e) {
                // Stop at the first failure: what follows it must not overtake it.
                failure = e;
                break;
            }
        }
        if (!published.isEmpty()) {
            em.createNativeQuery("update outbox_event set published_at = now() where id in (?1)")
                    .setParameter(1, published)
                    .executeUpdate();
            this.published.increment(published.size());
        }
        if (failure != null) {
            failures.increment();
        }
        // What was acknowledged is committed as published even when a later row failed,
        // so it is not published twice; the failed row and all after it wait for the next pass.
        return failure == null ? rows.size() : FAILED;
    }

    private static ProducerRecord<String, String> toRecord(Object[] row) {
        String topic = (String) row[2];
        String key = (String) row[3];
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, null, key, (String) row[7]);
        record.headers()
                .add(new RecordHeader(EventHeaders.EVENT_ID, bytes(row[1].toString())))
                .add(new RecordHeader(EventHeaders.EVENT_TYPE, bytes((String) row[4])))
                .add(new RecordHeader(EventHeaders.OCCURRED_AT, bytes(SqlValues.instant(row[6]).toString())))
                .add(new RecordHeader(EventHeaders.SCHEMA_VERSION, bytes(row[5].toString())));
        if (row[8] != null) {
            record.headers().add(new RecordHeader(EventHeaders.TRACEPARENT, bytes((String) row[8])));
        }
        return record;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
