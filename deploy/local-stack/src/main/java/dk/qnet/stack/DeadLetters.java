package dk.qnet.stack;

import dk.qnet.contracts.Topics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The dead-letter topics after a fix: {@code list} shows what waits in {@code <topic>.dlq} (offset,
 * event type and id, the reason; never the payload), {@code replay} puts each waiting record back on
 * its topic with its own headers, the dead-letter ones removed. Replays are remembered by the
 * consumer group {@value #GROUP}, so a record is put back once; consumers de-duplicate by event id
 * through their inboxes as with any redelivery, and a record that still can't be read lands in the
 * dead-letter topic again.
 */
public final class DeadLetters {

    public static final String GROUP = "qnet-dlq-replay";
    static final String DEAD_LETTER_HEADERS = "dead-letter-";

    private final String bootstrapServers;
    private final Properties client;

    public DeadLetters(String bootstrapServers) {
        this(bootstrapServers, new Properties());
    }

    /** {@code client}: Kafka client settings for a secured cluster (security.protocol, sasl.*, ssl.*). */
    public DeadLetters(String bootstrapServers, Properties client) {
        this.bootstrapServers = bootstrapServers;
        this.client = client;
    }

    /** The topic whose dead letters are meant: a suite topic, given with or without its ".dlq". */
    static String topicOf(String name) {
        String topic = name.endsWith(".dlq") ? name.substring(0, name.length() - 4) : name;
        if (!Topics.EVENT_TOPICS.contains(topic)) {
            throw new IllegalArgumentException("not one of the suite's topics: " + name + " (one of " + Topics.EVENT_TOPICS + ")");
        }
        return topic;
    }

    /** Prints the records not yet replayed; returns how many. */
    public int list(String name, PrintStream out) {
        String dlq = topicOf(name) + ".dlq";
        List<ConsumerRecord<String, String>> waiting = waiting(dlq, false);
        for (ConsumerRecord<String, String> r : waiting) {
            out.printf("%s-%d@%d %s %s: %s%n", dlq, r.partition(), r.offset(), header(r, "qnet-event-type"),
                    header(r, "qnet-event-id"), header(r, "dead-letter-reason"));
        }
        out.println(waiting.size() + " record(s) waiting in " + dlq);
        return waiting.size();
    }

    /** Puts every record not yet replayed back on its topic; returns how many. */
    public int replay(String name, PrintStream out) {
        String topic = topicOf(name);
        String dlq = topic + ".dlq";
        List<ConsumerRecord<String, String>> waiting = waiting(dlq, true);
        out.println(waiting.size() + " record(s) put back on " + topic);
        return waiting.size();
    }

    /**
     * The records of the dead-letter topic after the group's committed offsets. When
     * {@code replay}, each is sent back first and the offsets are committed only once the broker
     * has them all, so a crash in between replays again rather than losing one.
     */
    private List<ConsumerRecord<String, String>> waiting(String dlq, boolean replay) {
        Properties c = new Properties();
        c.putAll(client);
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            List<TopicPartition> partitions = consumer.partitionsFor(dlq, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(dlq, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < end.get(p))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        records.add(r);
                    }
                }
            }
            if (replay && !records.isEmpty()) {
                sendBack(records);
                Map<TopicPartition, OffsetAndMetadata> done = new java.util.HashMap<>();
                end.forEach((p, offset) -> done.put(p, new OffsetAndMetadata(offset)));
                consumer.commitSync(done, Duration.ofSeconds(30));
            }
        }
        return records;
    }

    private void sendBack(List<ConsumerRecord<String, String>> records) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
            for (ConsumerRecord<String, String> r : records) {
                String topic = r.topic().substring(0, r.topic().length() - 4);
                ProducerRecord<String, String> back = new ProducerRecord<>(topic, r.key(), r.value());
                for (Header h : r.headers()) {
                    if (!h.key().startsWith(DEAD_LETTER_HEADERS)) {
                        back.headers().add(h);
                    }
                }
                acks.add(producer.send(back));
            }
            for (java.util.concurrent.Future<?> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not put the dead letters back: " + e.getMessage(), e);
        }
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? "-" : new String(h.value(), StandardCharsets.UTF_8);
    }
}
