package dk.qnet.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventTypeTest {

    /** Field names that would carry personal data; no event schema may have them. */
    private static final Pattern PERSONAL = Pattern.compile(
            "(?i).*(name|phone|mail|address|cpr|note|wish|text|comment|contact).*");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenSampleRoundTripsWithoutLosingAField(EventType type) throws Exception {
        String sample = EventJson.sample(type);
        Object payload = EventJson.read(sample, type.payloadType());
        ObjectMapper tree = new ObjectMapper();
        assertEquals(tree.readTree(sample), tree.readTree(EventJson.write(payload)));
    }

    /** Reviewed exceptions: fields whose names look personal but are not about a person. */
    private static final java.util.Map<EventType, Set<String>> REVIEWED = java.util.Map.of(
            EventType.NETWORK_UPDATED, Set.of("name")); // an organisation's name: "Qnet Odense"

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaHasNoPersonalDataField(EventType type) throws Exception {
        JsonNode sample = new ObjectMapper().readTree(EventJson.sample(type));
        for (Iterator<String> it = sample.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (REVIEWED.getOrDefault(type, Set.of()).contains(field)) {
                continue;
            }
            assertFalse(PERSONAL.matcher(field).matches(), type + " has field " + field);
        }
    }

    @Test
    void everyTopicHasItsDeadLetterTopic() {
        Set<String> all = Set.copyOf(Topics.all());
        for (String topic : Topics.EVENT_TOPICS) {
            assertTrue(all.contains(topic + ".dlq"), topic);
        }
        assertEquals(Topics.EVENT_TOPICS.size() * 2, all.size());
    }
}
