package dk.qnet.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Searches everything the running suite wrote for given strings: Kafka, logs, databases. */
final class LeakHunt {

    private final RunningSuite suite;

    LeakHunt(RunningSuite suite) {
        this.suite = suite;
    }

    /** Every record of every topic (dead-letter topics too), from the beginning: key, value and headers. */
    Map<String, Integer> kafka(List<String> needles) {
        Map<String, Integer> hits = new TreeMap<>();
        Properties props = new Properties();
        props.put("bootstrap.servers", "127.0.0.1:" + suite.kafkaPort());
        props.put("group.id", "leak-hunt-" + UUID.randomUUID());
        props.put("enable.auto.commit", "false");
        props.put("key.deserializer", ByteArrayDeserializer.class.getName());
        props.put("value.deserializer", ByteArrayDeserializer.class.getName());
        props.put("max.poll.records", "2000");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.listTopics().forEach((topic, infos) -> {
                if (!topic.startsWith("__")) {
                    infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
                }
            });
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    StringBuilder all = new StringBuilder();
                    all.append(text(r.key())).append('\n').append(text(r.value()));
                    for (Header h : r.headers()) {
                        all.append('\n').append(h.key()).append('=').append(text(h.value()));
                    }
                    count(hits, r.topic(), all.toString(), needles);
                }
            }
            hits.put("(records read)", (int) partitions.stream().mapToLong(consumer::position).sum());
        }
        return hits;
    }

    /** Every log file of the suite. */
    Map<String, Integer> logs(List<String> needles) throws IOException {
        Map<String, Integer> hits = new TreeMap<>();
        try (Stream<Path> files = Files.list(suite.state().resolve("logs"))) {
            for (Path f : files.toList()) {
                count(hits, f.getFileName().toString(), Files.readString(f, StandardCharsets.ISO_8859_1), needles);
                count(hits, f.getFileName().toString(), new String(Files.readAllBytes(f), StandardCharsets.UTF_8), needles);
            }
        }
        return hits;
    }

    /** Every row of every table of one database, as text. */
    Map<String, Integer> database(String database, List<String> needles) throws Exception {
        Map<String, Integer> hits = new TreeMap<>();
        try (Connection c = suite.database(database); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet t = s.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
                while (t.next()) {
                    tables.add(t.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = s.executeQuery("select t::text from \"" + table + "\" t")) {
                    while (rows.next()) {
                        count(hits, table, rows.getString(1), needles);
                    }
                }
            }
            hits.put("(tables)", tables.size());
        }
        return hits;
    }

    /** Whether a group has consumed every record of the given topics. */
    static long lag(RunningSuite suite, String group, List<String> topics) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", "127.0.0.1:" + suite.kafkaPort());
        try (Admin admin = Admin.create(props)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().values()
                    .forEach(d -> d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            long lag = 0;
            for (var e : admin.listOffsets(latest).all().get().entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                lag += e.getValue().offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        }
    }

    /** The headers of every record with this key on a topic. */
    static List<Map<String, String>> recordsWithKey(RunningSuite suite, String topic, String key) {
        List<Map<String, String>> found = new ArrayList<>();
        forEachRecord(suite, topic, r -> {
            if (key.equals(text(r.key()))) {
                Map<String, String> headers = new TreeMap<>();
                r.headers().forEach(h -> headers.put(h.key(), text(h.value())));
                found.add(headers);
            }
        });
        return found;
    }

    /** How many records of an event type on a topic have one of the given keys, from the beginning. */
    static long countRecords(RunningSuite suite, String topic, String eventType, Set<UUID> keys) {
        Set<String> wanted = new java.util.HashSet<>();
        keys.forEach(k -> wanted.add(k.toString()));
        long[] count = new long[1];
        forEachRecord(suite, topic, r -> {
            Header type = r.headers().lastHeader("qnet-event-type");
            if (type != null && eventType.equals(text(type.value())) && wanted.contains(text(r.key()))) {
                count[0]++;
            }
        });
        return count[0];
    }

    /** Reads a topic from the beginning to its current end. */
    static void forEachRecord(RunningSuite suite, String topic, java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> action) {
        Properties props = new Properties();
        props.put("bootstrap.servers", "127.0.0.1:" + suite.kafkaPort());
        props.put("group.id", "leak-hunt-" + UUID.randomUUID());
        props.put("key.deserializer", ByteArrayDeserializer.class.getName());
        props.put("value.deserializer", ByteArrayDeserializer.class.getName());
        props.put("max.poll.records", "2000");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(500)).forEach(action);
            }
        }
    }

    /** Sends records exactly as given, for the poison-record test. */
    static final class Producer implements AutoCloseable {

        private final org.apache.kafka.clients.producer.KafkaProducer<String, String> producer;

        Producer(RunningSuite suite) {
            Properties props = new Properties();
            props.put("bootstrap.servers", "127.0.0.1:" + suite.kafkaPort());
            props.put("acks", "all");
            props.put("key.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
            props.put("value.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
            producer = new org.apache.kafka.clients.producer.KafkaProducer<>(props);
        }

        void send(String topic, String key, String value, Map<String, String> headers) throws Exception {
            var record = new org.apache.kafka.clients.producer.ProducerRecord<>(topic, key, value);
            headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        }

        @Override
        public void close() {
            producer.close();
        }
    }

    private static void count(Map<String, Integer> hits, String where, String text, List<String> needles) {
        for (String needle : needles) {
            if (text.contains(needle)) {
                hits.merge(where, 1, Integer::sum);
            }
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Only the hits, without the counters of what was read. */
    static Map<String, Integer> leaks(Map<String, Integer> hits) {
        Map<String, Integer> leaks = new TreeMap<>(hits);
        leaks.keySet().removeIf(k -> k.startsWith("("));
        return leaks;
    }
}
