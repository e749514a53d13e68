package dk.qnet.platform.inbox;

import dk.qnet.contracts.EventHeaders;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Applies one consumed record: checks its envelope, reads its payload, and runs the handler and
 * the inbox insert in one transaction. An unreadable record is thrown as
 * {@link UnreadableEventException}, which the connector's dead-letter strategy sends to
 * {@code <topic>.dlq} with the reason; the consumer goes on. Other failures (a database that is
 * briefly away) are retried a bounded number of times before the record is dead-lettered too.
 */
@ApplicationScoped
public class EventProcessor {

    private static final Logger LOG = Logger.getLogger(EventProcessor.class);

    private final Inbox inbox;
    private final int maxAttempts;

    public EventProcessor(Inbox inbox, @ConfigProperty(name = "qnet.consumer.max-attempts", defaultValue = "5") int maxAttempts) {
        this.inbox = inbox;
        this.maxAttempts = maxAttempts;
    }

    public void process(ConsumerRecord<String, String> record, EventHandlers handlers) {
        ReceivedEvent<?> event = read(record);
        Consumer<ReceivedEvent<?>> handler = handlers.handlerFor(event.type()).orElse(null);
        if (handler == null) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (inbox.firstDelivery(handlers.consumer(), event.eventId())) {
                        handler.accept(event);
                    }
                });
                return;
            } catch (UnreadableEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts) {
                    throw new UnreadableEventException("processing failed " + attempt + " times: " + e.getClass().getSimpleName());
                }
                LOG.warnf("%s: attempt %d for event %s failed (%s); retrying", handlers.consumer(), attempt,
                        event.eventId(), e.getClass().getSimpleName());
                sleep(200L * (1L << Math.min(attempt, 5)));
            }
        }
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
        String version = header(record, EventHeaders.SCHEMA_VERSION);
        if (!String.valueOf(type.schemaVersion()).equals(version)) {
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
