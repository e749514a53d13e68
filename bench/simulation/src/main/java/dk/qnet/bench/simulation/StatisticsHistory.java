package dk.qnet.bench.simulation;

import dk.qnet.contracts.EventHeaders;
import dk.qnet.contracts.EventJson;
import dk.qnet.contracts.EventType;
import dk.qnet.contracts.Municipalities;
import dk.qnet.contracts.activity.ActivityHeld;
import dk.qnet.contracts.activity.ActivityType;
import dk.qnet.contracts.match.MatchAccepted;
import dk.qnet.contracts.match.MatchEndReason;
import dk.qnet.contracts.match.MatchEnded;
import dk.qnet.contracts.match.MatchStarted;
import dk.qnet.contracts.match.MeetingLogged;
import dk.qnet.contracts.match.OutcomeRatings;
import dk.qnet.contracts.match.OutcomeRecorded;
import dk.qnet.contracts.match.OutcomeTimepoint;
import dk.qnet.contracts.network.NetworkUpdated;
import dk.qnet.contracts.referral.ConsentScope;
import dk.qnet.contracts.referral.ReferralReceived;
import dk.qnet.contracts.referral.ReferralStatusChanged;
import dk.qnet.contracts.referral.SenderType;
import dk.qnet.contracts.volunteer.VolunteerStatusChanged;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Years of synthetic Qnet history as events on the real topics, for the statistics benchmark:
 * the networks, volunteers coming and going, activities, and women from referral through match,
 * meetings, end and ratings. Then waits until statistics-service has consumed every one.
 *
 * <p>{@code --bootstrap 127.0.0.1:59092 --events 1000000 --from-year 2016 --years 10 [--seed 1]}
 */
public final class StatisticsHistory {

    private final Random r;
    private final KafkaProducer<String, String> producer;
    private final List<String[]> networks = new ArrayList<>();
    private long sent;

    private StatisticsHistory(long seed, KafkaProducer<String, String> producer, Geography geography) {
        this.r = new Random(seed);
        this.producer = producer;
        Map<String, String> municipalityOf = new TreeMap<>();
        Municipalities.all().keySet().stream().sorted().forEach(code -> municipalityOf.putIfAbsent(geography.networkOf(code), code));
        municipalityOf.forEach((network, code) -> networks.add(new String[] {network, code}));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String bootstrap = a.getOrDefault("bootstrap", "127.0.0.1:59092");
        long events = Long.parseLong(a.getOrDefault("events", "10000"));
        int fromYear = Integer.parseInt(a.getOrDefault("from-year", "2016"));
        int years = Integer.parseInt(a.getOrDefault("years", "10"));
        long seed = Long.parseLong(a.getOrDefault("seed", "1"));
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            StatisticsHistory history = new StatisticsHistory(seed, producer, Geography.fromSeed(Geography.findRepositoryRoot()));
            history.generate(events, fromYear, years);
            producer.flush();
            System.out.printf("sent %,d events in %.1f s%n", history.sent, (System.nanoTime() - start) / 1e9);
        }
        long consumed = System.nanoTime();
        waitForGroup(bootstrap, "statistics-service");
        System.out.printf("statistics-service consumed them %.1f s after the last was sent%n", (System.nanoTime() - consumed) / 1e9);
    }

    private void generate(long target, int fromYear, int years) {
        Instant begin = LocalDate.of(fromYear, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        long span = Duration.ofDays(365L * years).toSeconds();
        for (String[] n : networks) {
            send(EventType.NETWORK_UPDATED, n[0], new NetworkUpdated(n[0], "Qnet " + n[0], List.of(n[1]), true, begin));
        }
        // Per network: about 8 volunteers a year joining, and two activities a month (fewer for a small history).
        double scale = Math.min(1.0, target / 1_000_000.0);
        int volunteersPerYear = (int) Math.max(1, Math.round(8 * scale));
        int activitiesPerYear = (int) Math.max(1, Math.round(24 * scale));
        for (String[] n : networks) {
            for (int y = 0; y < years; y++) {
                for (int v = 0; v < volunteersPerYear; v++) {
                    UUID id = UUID.randomUUID();
                    Instant joined = begin.plusSeconds(Duration.ofDays(365L * y + r.nextInt(300)).toSeconds());
                    send(EventType.VOLUNTEER_STATUS_CHANGED, id.toString(), new VolunteerStatusChanged(id, n[0], VolunteerStatusChanged.Status.APPROVED, VolunteerStatusChanged.Status.APPLIED, joined));
                    send(EventType.VOLUNTEER_STATUS_CHANGED, id.toString(),
                            new VolunteerStatusChanged(id, n[0], VolunteerStatusChanged.Status.ACTIVE, VolunteerStatusChanged.Status.APPROVED, joined.plusSeconds(86_400L * 20)));
                }
                for (int m = 0; m < activitiesPerYear; m++) {
                    UUID id = UUID.randomUUID();
                    send(EventType.ACTIVITY_HELD, id.toString(), new ActivityHeld(id, n[0], ActivityType.MEAL,
                            begin.plusSeconds(Duration.ofDays(365L * y + m * 15L).toSeconds()), 3 + r.nextInt(8), 2 + r.nextInt(10), 2 + r.nextInt(4)));
                }
                if (sent >= target) {
                    return;
                }
            }
        }
        List<SenderType> sources = List.of(SenderType.SHELTER, SenderType.SHELTER, SenderType.SHELTER, SenderType.MUNICIPALITY,
                SenderType.PARTNER, SenderType.SELF);
        while (sent < target) {
            String[] n = networks.get(r.nextInt(networks.size()));
            UUID id = UUID.randomUUID();
            String key = id.toString();
            Instant received = begin.plusSeconds((long) (r.nextDouble() * span));
            boolean statistics = r.nextDouble() < 0.9;
            int year = received.atZone(ZoneOffset.UTC).getYear();
            List<Integer> children = r.nextDouble() < 0.59 ? List.of(year - r.nextInt(15)) : List.of();
            send(EventType.REFERRAL_RECEIVED, key, new ReferralReceived(id, received, n[1], n[0], sources.get(r.nextInt(sources.size())),
                    children, statistics ? List.of(ConsentScope.QNET_CONTACT, ConsentScope.STATISTICS) : List.of(ConsentScope.QNET_CONTACT), null));
            Instant accepted = received.plusSeconds(86_400L * (1 + r.nextInt(7)));
            if (r.nextDouble() < 0.15) {
                send(EventType.REFERRAL_STATUS_CHANGED, key, new ReferralStatusChanged(id, n[0], ReferralStatusChanged.Status.REJECTED, "OUT_OF_AREA", accepted));
                continue;
            }
            send(EventType.REFERRAL_STATUS_CHANGED, key, new ReferralStatusChanged(id, n[0], ReferralStatusChanged.Status.ACCEPTED, null, accepted));
            if (r.nextDouble() < 0.2) {
                continue;
            }
            UUID match = UUID.randomUUID();
            UUID volunteer = UUID.randomUUID();
            Instant matched = accepted.plusSeconds(86_400L * (5 + r.nextInt(60)));
            send(EventType.MATCH_ACCEPTED, key, new MatchAccepted(match, id, n[0], volunteer, matched));
            send(EventType.REFERRAL_STATUS_CHANGED, key, new ReferralStatusChanged(id, n[0], ReferralStatusChanged.Status.MATCHED, null, matched));
            Instant started = matched.plusSeconds(86_400L * (2 + r.nextInt(10)));
            send(EventType.MATCH_STARTED, key, new MatchStarted(match, id, n[0], volunteer, started));
            send(EventType.OUTCOME_RECORDED, key, new OutcomeRecorded(match, id, n[0], OutcomeTimepoint.START, ratings(), started));
            int days = 30 + r.nextInt(300);
            for (int d = 0; d < days; d += 10 + r.nextInt(6)) {
                LocalDate held = started.plusSeconds(86_400L * d).atZone(ZoneOffset.UTC).toLocalDate();
                send(EventType.MEETING_LOGGED, key, new MeetingLogged(UUID.randomUUID(), match, id, n[0], held, 60 + r.nextInt(90),
                        started.plusSeconds(86_400L * d)));
            }
            Instant ended = started.plusSeconds(86_400L * days);
            send(EventType.MATCH_ENDED, key, new MatchEnded(match, id, n[0], volunteer,
                    days < 91 ? MatchEndReason.WOMAN_STOPPED : MatchEndReason.COMPLETED_AS_PLANNED, days, days < 91, ended));
            send(EventType.REFERRAL_STATUS_CHANGED, key, new ReferralStatusChanged(id, n[0], ReferralStatusChanged.Status.COMPLETED, null, ended));
            if (r.nextBoolean()) {
                send(EventType.OUTCOME_RECORDED, key, new OutcomeRecorded(match, id, n[0], OutcomeTimepoint.END, ratings(), ended));
            }
        }
    }

    private OutcomeRatings ratings() {
        return new OutcomeRatings(r.nextInt(5), r.nextInt(5), r.nextInt(5), r.nextInt(5), r.nextInt(5), r.nextInt(5), 1 + r.nextInt(7));
    }

    private void send(EventType type, String key, Object payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), key, EventJson.write(payload));
        record.headers().add(EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_TYPE, type.typeName().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.OCCURRED_AT, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.SCHEMA_VERSION, String.valueOf(type.schemaVersion()).getBytes(StandardCharsets.UTF_8));
        producer.send(record);
        sent++;
    }

    /** Until the group's committed offsets reach the end of every partition of the event topics. */
    static void waitForGroup(String bootstrap, String group) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        Set<String> topics = Set.of("qnet.referrals.v1", "qnet.matches.v1", "qnet.volunteers.v1", "qnet.networks.v1", "qnet.activities.v1");
        try (Admin admin = Admin.create(props)) {
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(topics).allTopicNames().get().values().stream()
                        .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
                long lag = 0;
                for (var e : admin.listOffsets(latest).all().get().entrySet()) {
                    OffsetAndMetadata c = committed.get(e.getKey());
                    lag += e.getValue().offset() - (c == null ? 0 : c.offset());
                }
                if (lag == 0) {
                    return;
                }
                System.out.printf("  statistics-service: %,d events still to consume%n", lag);
                Thread.sleep(10_000);
            }
        }
    }
}
