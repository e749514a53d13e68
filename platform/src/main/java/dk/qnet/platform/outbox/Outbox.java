package dk.qnet.platform.outbox;

import dk.qnet.contracts.EventJson;
import dk.qnet.contracts.EventType;
import dk.qnet.platform.time.SuiteClock;
import dk.qnet.platform.transaction.AfterCompletion;
import dk.qnet.platform.tracing.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Writes an event to the outbox table in the caller's transaction, so the event exists if and
 * only if the state change it describes was committed. The relay publishes it afterwards.
 */
@OutboxEnabled
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final SuiteClock clock;

    public Outbox(EntityManager em, TransactionSynchronizationRegistry transactions, OutboxRelay relay, SuiteClock clock) {
        this.em = em;
        this.transactions = transactions;
        this.relay = relay;
        this.clock = clock;
    }

    /** Appends an event whose record key is {@code aggregateId}; returns its event id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String aggregateId, Object payload) {
        EventType type = EventType.of(payload.getClass());
        UUID eventId = UUID.randomUUID();
        em.createNativeQuery("""
                insert into outbox_event (event_id, topic, aggregate_id, event_type, schema_version, occurred_at, payload, traceparent)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                """)
                .setParameter(1, eventId)
                .setParameter(2, type.topic())
                .setParameter(3, aggregateId)
                .setParameter(4, type.typeName())
                .setParameter(5, type.schemaVersion())
                .setParameter(6, clock.now())
                .setParameter(7, EventJson.write(payload))
                .setParameter(8, TraceContext.currentTraceparent().orElse(null))
                .executeUpdate();
        wakeRelayAfterCommit();
        return eventId;
    }

    private void wakeRelayAfterCommit() {
        AfterCompletion.once(transactions, OutboxRelay.class, committed -> {
            if (committed) {
                relay.wake();
            }
        });
    }
}
