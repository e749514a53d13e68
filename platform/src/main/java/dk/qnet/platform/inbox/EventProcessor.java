package dk.qnet.platform.inbox;

import dk.qnet.contracts.EventHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import dk.qnet.platform.tracing.TraceContext;
import dk.qnet.contracts.EventJson;
import dk.qnet.contracts.EventType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * Applies one consumed record: checks its envelope, reads its payload, and runs the handler and
 * the inbox insert in one transaction. Only a record that can never be applied (bad JSON, an
 * unknown type, a version that is not a positive number, a contract violation:
 * {@link UnreadableEventException}) goes to
 * {@code <topic>.dlq} with the reason, and the consumer goes on. Every other failure (a database
 * restart, a lock timeout) is retried with backoff until it succeeds: the consumer applies its
 * records in order, so no later record overtakes it meanwhile, and {@link ConsumerStalls} makes
 * readiness report the stall.
 */
@ApplicationScoped
public class EventProcessor {

    private static final Logger LOG = Logger.getLogger(EventProcessor.class);

    /** The longest wait between two attempts. */
    static final long MAX_BACKOFF_MILLIS = 5_000;

    private final Inbox inbox;
    private final ConsumerStalls stalls;
    private final TraceContext traces;
    private final MeterRegistry registry;

    public EventProcessor(Inbox inbox, ConsumerStalls stalls, TraceContext traces, MeterRegistry registry) {
        this.inbox = inbox;
        this.stalls = stalls;
        this.traces = traces;
        this.registry = registry;
    }

    /** Counted per consumer and topic ({@code qnet_dead_letters_total}); the connector then sends the record to the DLQ. */
    private void deadLettered(EventHandlers handlers, String topic) {
        registry.counter("qnet.dead.letters", "consumer", handlers.consumer(), "topic", topic).increment();
    }

    public void process(ConsumerRecord<String, String> record, EventHandlers handlers) {
        ReceivedEvent<?> event;
        try {
            event = read(record);
        } catch (UnreadableEventException e) {
            deadLettered(handlers, record.topic());
            throw e;
        }
        Consumer<ReceivedEvent<?>> handler = handlers.handlerFor(event.type()).orElse(null);
        if (handler == null) {
            return;
        }
        // The event is applied in the trace of the request that caused it (its traceparent header).
        traces.inConsumerSpan(handlers.consumer() + " process " + record.topic(), optionalHeader(record, EventHeaders.TRACEPARENT),
                () -> apply(event, handler, handlers, record.topic()));
    }

    private void apply(ReceivedEvent<?> event, Consumer<ReceivedEvent<?>> handler, EventHandlers handlers, String topic) {
        for (int attempt = 1; ; attempt++) {
            try {
                boolean first = QuarkusTransaction.requiringNew().call(() -> {
                    if (inbox.firstDelivery(handlers.consumer(), event.eventId())) {
                        handler.accept(event);
                        return true;
                    }
                    return false;
                });
                if (first) {
                    registry.counter("qnet.inbox.applied", "consumer", handlers.consumer()).increment();
                } else {
                    registry.counter("qnet.inbox.duplicates", "consumer", handlers.consumer()).increment();
                }
                stalls.resumed(handlers.consumer());
                return;
            } catch (UnreadableEventException e) {
                stalls.resumed(handlers.consumer());
                deadLettered(handlers, topic);
                throw e;
            } catch (RuntimeException e) {
                stalls.stalled(handlers.consumer());
                if (Integer.bitCount(attempt) == 1) {
                    // Attempts 1, 2, 4, 8, ...: the log shows the stall without flooding; the type only, never the payload.
                    LOG.warnf("%s: attempt %d for event %s failed (%s); retrying until it succeeds", handlers.consumer(), attempt,
                            event.eventId(), e.getClass().getSimpleName());
                }
                sleep(backoffMillis(attempt));
            }
        }
    }

    /** 200 ms, doubling, at most {@link #MAX_BACKOFF_MILLIS}. */
    static long backoffMillis(int attempt) {
        return Math.min(MAX_BACKOFF_MILLIS, 200L << Math.min(attempt - 1, 10));
    }

    /** Reads and checks the envelope and payload of a record against the contracts. */
    public static ReceivedEvent<?> read(ConsumerRecord<String, String> record) {
        String key = record.key();
        if (key == null || key.isBlank()) {
            throw new UnreadableEventException("record has no key");
        }
        UUID eventId;
        try {
            eventId = UUID.fromString(header(record, EventHeaders.EVENT_ID));
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException("header " + EventHeaders.EVENT_ID + " is not a UUID");
        }
        String typeName = header(record, EventHeaders.EVENT_TYPE);
        EventType type = EventType.byName(typeName)
                .orElseThrow(() -> new UnreadableEventException("unknown event type"));
        if (!type.topic().equals(record.topic())) {
            throw new UnreadableEventException("event type " + typeName + " does not belong on this topic");
        }
        if (schemaVersion(header(record, EventHeaders.SCHEMA_VERSION)) < 1) {
            throw new UnreadableEventException("unsupported schema version of " + typeName);
        }
        Instant occurredAt;
        try {
            occurredAt = Instant.parse(header(record, EventHeaders.OCCURRED_AT));
        } catch (RuntimeException e) {
            throw new UnreadableEventException("header " + EventHeaders.OCCURRED_AT + " is not an ISO instant");
        }
        if (record.value() == null) {
            throw new UnreadableEventException("record has no payload");
        }
        Object payload;
        try {
            payload = EventJson.read(record.value(), type.payloadType());
        } catch (Exception e) {
            throw new UnreadableEventException("payload is not a valid " + typeName + " v" + type.schemaVersion());
        }
        if (payload == null) {
            throw new UnreadableEventException("payload is not a valid " + typeName + " v" + type.schemaVersion());
        }
        return new ReceivedEvent<>(eventId, type, occurredAt, key, payload);
    }

    /**
     * The compatibility rule: within an event type, a new schema version only adds optional
     * fields, so every version is readable by every consumer of that type: a reader ignores the
     * fields it does not know and finds those added after its own version absent. A change that
     * removes, renames or retypes a field, or changes what one means, is a new event type. So any
     * positive version is read; anything else (0, negative, not a number) is unreadable.
     */
    static int schemaVersion(String header) {
        try {
            return Integer.parseInt(header);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String optionalHeader(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            throw new UnreadableEventException("header " + name + " is missing");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
