package dk.qnet.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ./qnet dlq list|replay against a real broker: each dead letter is put back once, with its own headers only. */
class DeadLettersTest {

    static final String TOPIC = "qnet.referrals.v1";
    private static KafkaBroker kafka;

    @BeforeAll
    static void start() throws Exception {
        kafka = KafkaBroker.start(0, Files.createTempDirectory("qnet-dlq-test").resolve("kafka"), 2);
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void deadLettersAreListedWithoutPayloadAndPutBackOnceWithoutTheDeadLetterHeaders() throws Exception {
        List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (String id : ids) {
                ProducerRecord<String, String> dead = new ProducerRecord<>(TOPIC + ".dlq", "key-" + id, "{\"secretCanary\":true}");
                Map.of("qnet-event-id", id, "qnet-event-type", "ReferralReceived", "qnet-schema-version", "1",
                        "dead-letter-reason", "processing failed", "dead-letter-topic", TOPIC)
                        .forEach((k, v) -> dead.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
                producer.send(dead).get();
            }
        }
        DeadLetters deadLetters = new DeadLetters(kafka.bootstrapServers());
        ByteArrayOutputStream listed = new ByteArrayOutputStream();
        assertEquals(2, deadLetters.list(TOPIC, new PrintStream(listed, true, StandardCharsets.UTF_8)));
        String text = listed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains(ids.get(0)) && text.contains("processing failed"), text);
        assertTrue(!text.contains("secretCanary"), "the list never shows a payload: " + text);
        assertEquals(2, deadLetters.list(TOPIC + ".dlq", new PrintStream(new ByteArrayOutputStream())), "listing replays nothing");

        assertEquals(2, deadLetters.replay(TOPIC, new PrintStream(new ByteArrayOutputStream())));
        List<ConsumerRecord<String, String>> back = readAll(TOPIC);
        assertEquals(2, back.size());
        for (ConsumerRecord<String, String> r : back) {
            assertTrue(ids.contains(new String(r.headers().lastHeader("qnet-event-id").value(), StandardCharsets.UTF_8)));
            assertEquals("key-" + new String(r.headers().lastHeader("qnet-event-id").value(), StandardCharsets.UTF_8), r.key());
            assertNull(r.headers().lastHeader("dead-letter-reason"));
            assertNull(r.headers().lastHeader("dead-letter-topic"));
        }
        // Once: a second replay and a list find nothing more.
        assertEquals(0, deadLetters.replay(TOPIC, new PrintStream(new ByteArrayOutputStream())));
        assertEquals(0, deadLetters.list(TOPIC, new PrintStream(new ByteArrayOutputStream())));
        assertEquals(2, readAll(TOPIC).size());

        assertThrows(IllegalArgumentException.class, () -> deadLetters.list("__consumer_offsets", System.out));
    }

    static List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new org.apache.kafka.common.TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}
