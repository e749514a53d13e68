package dk.qnet.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Whether events reach Kafka, in the health details ({@code /q/health}, {@code /q/health/well}),
 * not in readiness: a service whose broker is away still takes requests, and the outbox keeps
 * what it could not publish yet. Down while the relay fails, with since when and the backlog.
 */
@OutboxEnabled
@Wellness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {

    static final String CHECK = "outbox to Kafka";

    private final OutboxRelay relay;
    private final EntityManager em;

    public OutboxHealth(OutboxRelay relay, EntityManager em) {
        this.relay = relay;
        this.em = em;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder check = HealthCheckResponse.named(CHECK);
        relay.failingSince().ifPresentOrElse(
                since -> check.down().withData("publishing", "failing since " + since),
                () -> check.up().withData("publishing", "yes"));
        try {
            long waiting = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select count(*) from outbox_event where published_at is null").getSingleResult()).longValue());
            check.withData("unpublished", waiting);
        } catch (RuntimeException e) {
            check.withData("unpublished", "unknown: the database is unreachable");
        }
        return check.build();
    }
}
