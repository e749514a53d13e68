package dk.qnet.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbox for the on-call person: how many events wait and how old the oldest is
 * ({@code qnet_outbox_backlog}, {@code qnet_outbox_oldest_age_seconds}; alerts in
 * deploy/prometheus). Read every 15 s by one query on the partial index, not on every scrape.
 */
@OutboxEnabled
@ApplicationScoped
public class OutboxMetrics {

    private final EntityManager em;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    public OutboxMetrics(EntityManager em, MeterRegistry registry) {
        this.em = em;
        Gauge.builder("qnet.outbox.backlog", backlog, AtomicLong::get)
                .description("Events written but not yet acknowledged by Kafka").register(registry);
        Gauge.builder("qnet.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest unpublished event; 0 when none waits").register(registry);
    }

    @Scheduled(every = "${qnet.outbox.metrics-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                    select count(*), coalesce(extract(epoch from now() - min(occurred_at)), 0)
                    from outbox_event where published_at is null
                    """).getSingleResult());
            backlog.set(((Number) row[0]).longValue());
            oldestAgeSeconds.set(((Number) row[1]).longValue());
        } catch (RuntimeException e) {
            // The database away: readiness says so; the gauges keep their last values.
        }
    }
}
