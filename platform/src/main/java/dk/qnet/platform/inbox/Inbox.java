package dk.qnet.platform.inbox;

import dk.qnet.platform.tracing.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Consumer de-duplication: the (consumer, event id) row is inserted first, in the handler's own
 * transaction. When two deliveries race, the second waits on the first's row and then finds the
 * conflict, so an effect is applied at most once per consumer.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;

    public Inbox(EntityManager em) {
        this.em = em;
    }

    /**
     * True the first time this consumer sees the event; false when it was already applied. The row
     * keeps the trace the event was applied in, so an operator can follow one referral across services.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        return em.createNativeQuery("insert into inbox_event (consumer, event_id, trace_id) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, TraceContext.currentTraceId().orElse(null))
                .executeUpdate() == 1;
    }
}
