package dk.qnet.referral.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.qnet.platform.persistence.SqlValues;
import dk.qnet.platform.time.SuiteClock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Sends queued webhook deliveries. Due rows are claimed with a lease in a short transaction, sent
 * outside any transaction, and their outcome recorded: delivered on 2xx, otherwise retried with
 * doubling backoff until the attempts run out. A failure is stored as a {@link DeliveryError}
 * code, never as anything the receiver sent.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final EntityManager em;
    private final WebhookConfig config;
    private final ObjectMapper json;
    private final Webhooks webhooks;
    private final WebhookSender sender;

    private final MeterRegistry registry;
    private final AtomicLong pending = new AtomicLong();
    private final SuiteClock clock;

    public WebhookDispatcher(EntityManager em, WebhookConfig config, ObjectMapper json, Webhooks webhooks, MeterRegistry registry, SuiteClock clock) {
        this.registry = registry;
        Gauge.builder("qnet.webhook.pending", pending, AtomicLong::get)
                .description("Webhook deliveries neither delivered nor given up: waiting for their next attempt").register(registry);
        this.em = em;
        this.config = config;
        this.json = json;
        this.webhooks = webhooks;
        this.sender = new WebhookSender(new CallbackAddresses(config.allowLoopback()), config.timeout());
        this.clock = clock;
    }

    record Due(long id, String orgId, UUID referralId, String status, Instant changedAt, int attempts, String url, String secret) {
    }

    @Scheduled(every = "${qnet.webhooks.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        for (Due due : claim()) {
            record(due, send(due).orElse(null));
        }
    }

    List<Due> claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    update webhook_delivery d set next_attempt_at = now() + interval '2 minutes'
                    from webhook_subscription s
                    where d.id in (select id from webhook_delivery
                                   where delivered_at is null and failed_at is null and next_attempt_at <= now()
                                   order by id limit 50 for update skip locked)
                      and s.org_id = d.org_id
                    returning d.id, d.org_id, d.referral_id, d.status, d.changed_at, d.attempts, s.url, s.master_key_id, s.wrapped_key,
                              s.sealed_secret
                    """).getResultList();
            return rows.stream().map(r -> new Due(((Number) r[0]).longValue(), (String) r[1], (UUID) r[2], (String) r[3],
                    SqlValues.instant(r[4]), ((Number) r[5]).intValue(), (String) r[6],
                    webhooks.openSecret((String) r[1], (String) r[7], (byte[]) r[8], (byte[]) r[9]))).toList();
        });
    }

    /** Empty when delivered, otherwise the coded failure. */
    Optional<DeliveryError> send(Due due) {
        String body;
        try {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("referralId", due.referralId().toString());
            payload.put("status", due.status());
            payload.put("changedAt", due.changedAt().toString());
            body = json.writeValueAsString(payload);
        } catch (IOException e) {
            return Optional.of(DeliveryError.OTHER);
        }
        long timestamp = clock.now().getEpochSecond();
        String id = WebhookSignature.idOf(due.id());
        return sender.post(URI.create(due.url()), Map.of(
                WebhookSignature.ID_HEADER, id,
                WebhookSignature.TIMESTAMP_HEADER, String.valueOf(timestamp),
                WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(due.secret(), id, timestamp, body)), body);
    }

    void record(Due due, DeliveryError failure) {
        int attempts = due.attempts() + 1;
        QuarkusTransaction.requiringNew().run(() -> {
            registry.counter("qnet.webhook.deliveries", "outcome",
                    failure == null ? "delivered" : attempts >= config.maxAttempts() ? "given_up" : "retry").increment();
            if (failure == null) {
                em.createNativeQuery("update webhook_delivery set delivered_at = now(), attempts = ?2, last_error = null where id = ?1")
                        .setParameter(1, due.id()).setParameter(2, attempts).executeUpdate();
            } else if (attempts >= config.maxAttempts()) {
                em.createNativeQuery("update webhook_delivery set failed_at = now(), attempts = ?2, last_error = ?3 where id = ?1")
                        .setParameter(1, due.id()).setParameter(2, attempts).setParameter(3, failure.name()).executeUpdate();
                LOG.warnf("Webhook delivery %d given up after %d attempts (%s)", due.id(), attempts, failure);
            } else {
                em.createNativeQuery("update webhook_delivery set next_attempt_at = ?2, attempts = ?3, last_error = ?4 where id = ?1")
                        .setParameter(1, due.id()).setParameter(2, clock.now().plus(backoff(attempts)))
                        .setParameter(3, attempts).setParameter(4, failure.name()).executeUpdate();
            }
        });
    }

    @Scheduled(every = "${qnet.webhooks.metrics-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void countPending() {
        try {
            pending.set(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select count(*) from webhook_delivery where delivered_at is null and failed_at is null").getSingleResult()).longValue()));
        } catch (RuntimeException e) {
            // The database away: readiness says so; the gauge keeps its last value.
        }
    }

    Duration backoff(int failedAttempts) {
        Duration wait = config.backoff().multipliedBy(1L << Math.min(failedAttempts - 1, 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    void onStop(@Observes ShutdownEvent event) throws IOException {
        sender.close();
    }
}
