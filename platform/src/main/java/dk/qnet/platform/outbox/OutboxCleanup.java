package dk.qnet.platform.outbox;

import dk.qnet.platform.time.SuiteClock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Deletes published outbox rows once they are old enough to be of no use for diagnosis. */
@OutboxEnabled
@ApplicationScoped
public class OutboxCleanup {

    private final EntityManager em;
    private final OutboxConfig config;
    private final SuiteClock clock;

    public OutboxCleanup(EntityManager em, OutboxConfig config, SuiteClock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "1m")
    @Transactional
    void deleteOldPublished() {
        em.createNativeQuery("delete from outbox_event where published_at < ?1")
                .setParameter(1, clock.now().minus(config.keepPublished()))
                .executeUpdate();
    }
}
