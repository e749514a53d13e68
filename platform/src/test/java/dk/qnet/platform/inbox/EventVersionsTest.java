package dk.qnet.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.qnet.contracts.EventHeaders;
import dk.qnet.contracts.EventJson;
import dk.qnet.contracts.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

/**
 * The compatibility rule: a later, additive schema version of an event type is read by every
 * consumer of today's version, its new fields ignored; a version that is not a positive number is
 * unreadable.
 */
class EventVersionsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Today's golden sample of the type, as its next version would send it: one field more, of every kind. */
    static String nextVersionSample(EventType type) throws Exception {
        ObjectNode sample = (ObjectNode) JSON.readTree(EventJson.sample(type));
        sample.put("addedLater", "a field this consumer does not know");
        sample.putObject("addedLaterObject").put("code", "X").putArray("items").add(1);
        return JSON.writeValueAsString(sample);
    }

    static ConsumerRecord<String, String> record(EventType type, String version, String payload) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(type.topic(), 0, 0L, "key-1", payload);
        record.headers().add(new RecordHeader(EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader(EventHeaders.EVENT_TYPE, type.typeName().getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader(EventHeaders.OCCURRED_AT, Instant.now().toString().getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader(EventHeaders.SCHEMA_VERSION, version.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    @Test
    void everyEventTypesNextVersionIsReadAsTodaysWithItsNewFieldsIgnored() throws Exception {
        for (EventType type : EventType.values()) {
            String next = String.valueOf(type.schemaVersion() + 1);
            ReceivedEvent<?> read = EventProcessor.read(record(type, next, nextVersionSample(type)));
            assertEquals(EventJson.read(EventJson.sample(type), type.payloadType()), read.payload(), type + " v" + next);
        }
    }

    /** A later version still carries today's required fields: an empty payload is unreadable, never retried. */
    @Test
    void aLaterVersionWithoutTheRequiredFieldsIsUnreadableForEveryType() {
        for (EventType type : EventType.values()) {
            assertThrows(UnreadableEventException.class, () -> EventProcessor.read(record(type, "99", "{}")), type.typeName());
        }
    }

    @Test
    void aVersionThatIsNotAPositiveNumberIsUnreadable() {
        EventType type = EventType.values()[0];
        for (String version : new String[] {"0", "-1", "two", ""}) {
            assertThrows(UnreadableEventException.class, () -> EventProcessor.read(record(type, version, EventJson.sample(type))), version);
        }
    }
}
