package dk.qnet.referral.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.qnet.platform.time.SuiteClock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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

    private final WebhookDeliveries deliveries;
    private final WebhookConfig config;
    private final ObjectMapper json;
    private final Webhooks webhooks;
    private final WebhookSender sender;

    private final MeterRegistry registry;
    private final AtomicLong pending = new AtomicLong();
    private final SuiteClock clock;

    public WebhookDispatcher(WebhookDeliveries deliveries, WebhookConfig config, ObjectMapper json, Webhooks webhooks, MeterRegistry registry, SuiteClock clock) {
        this.registry = registry;
        Gauge.builder("qnet.webhook.pending", pending, AtomicLong::get)
                .description("Webhook deliveries neither delivered nor given up: waiting for their next attempt").register(registry);
        this.deliveries = deliveries;
        this.config = config;
        this.json = json;
        this.webhooks = webhooks;
        this.sender = new WebhookSender(new CallbackAddresses(config.allowLoopback()), config.timeout());
        this.clock = clock;
    }

    record Due(long id, String orgId, UUID referralId, String event, String status, Instant changedAt, int attempts, String url, String secret) {
    }

    @Scheduled(every = "${qnet.webhooks.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        for (Due due : claim()) {
            record(due, send(due).orElse(null));
        }
    }

    List<Due> claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            return deliveries.claimDue().stream().map(c -> new Due(c.id(), c.orgId(), c.referralId(), c.event(), c.status(), c.changedAt(), c.attempts(),
                    c.url(), webhooks.openSecret(c.orgId(), c.masterKeyId(), c.wrappedKey(), c.sealedSecret()))).toList();
        });
    }

    /** Empty when delivered, otherwise the coded failure. */
    Optional<DeliveryError> send(Due due) {
        String body;
        try {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("event", due.event());
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
                deliveries.delivered(due.id(), attempts);
            } else if (attempts >= config.maxAttempts()) {
                deliveries.givenUp(due.id(), attempts, failure);
                LOG.warnf("Webhook delivery %d given up after %d attempts (%s)", due.id(), attempts, failure);
            } else {
                deliveries.retryAt(due.id(), clock.now().plus(backoff(attempts)), attempts, failure);
            }
        });
    }

    @Scheduled(every = "${qnet.webhooks.metrics-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void countPending() {
        try {
            pending.set(QuarkusTransaction.requiringNew().call(deliveries::pending));
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
