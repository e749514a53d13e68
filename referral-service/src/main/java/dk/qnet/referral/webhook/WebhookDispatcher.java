package dk.qnet.referral.webhook;

import dk.qnet.platform.persistence.SqlValues;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sends queued webhook deliveries. Due rows are claimed with a lease in a short transaction, sent
 * outside any transaction, and their outcome recorded: delivered on 2xx, otherwise retried with
 * doubling backoff until the attempts run out.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final EntityManager em;
    private final WebhookConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    public WebhookDispatcher(EntityManager em, WebhookConfig config, ObjectMapper json) {
        this.em = em;
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    record Due(long id, UUID referralId, String status, Instant changedAt, int attempts, String url, String secret) {
    }

    @Scheduled(every = "${qnet.webhooks.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        for (Due due : claim()) {
            String outcome = send(due);
            record(due, outcome);
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
                    returning d.id, d.referral_id, d.status, d.changed_at, d.attempts, s.url, s.secret
                    """).getResultList();
            return rows.stream().map(r -> new Due(((Number) r[0]).longValue(), (UUID) r[1], (String) r[2], SqlValues.instant(r[3]),
                    ((Number) r[4]).intValue(), (String) r[5], (String) r[6])).toList();
        });
    }

    /** Returns null when delivered, otherwise a short description of the failure. */
    String send(Due due) {
        try {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("referralId", due.referralId().toString());
            payload.put("status", due.status());
            payload.put("changedAt", due.changedAt().toString());
            String body = json.writeValueAsString(payload);
            long timestamp = Instant.now().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(due.url()))
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(due.secret(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    void record(Due due, String failure) {
        int attempts = due.attempts() + 1;
        QuarkusTransaction.requiringNew().run(() -> {
            if (failure == null) {
                em.createNativeQuery("update webhook_delivery set delivered_at = now(), attempts = ?2, last_error = null where id = ?1")
                        .setParameter(1, due.id()).setParameter(2, attempts).executeUpdate();
            } else if (attempts >= config.maxAttempts()) {
                em.createNativeQuery("update webhook_delivery set failed_at = now(), attempts = ?2, last_error = ?3 where id = ?1")
                        .setParameter(1, due.id()).setParameter(2, attempts).setParameter(3, failure).executeUpdate();
                LOG.warnf("Webhook delivery %d given up after %d attempts (%s)", due.id(), attempts, failure);
            } else {
                em.createNativeQuery("update webhook_delivery set next_attempt_at = ?2, attempts = ?3, last_error = ?4 where id = ?1")
                        .setParameter(1, due.id()).setParameter(2, Instant.now().plus(backoff(attempts)))
                        .setParameter(3, attempts).setParameter(4, failure).executeUpdate();
            }
        });
    }

    Duration backoff(int failedAttempts) {
        Duration wait = config.backoff().multipliedBy(1L << Math.min(failedAttempts - 1, 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }
}
