package dk.qnet.contracts;

import java.util.List;

/** Every Kafka topic of the suite. The owner in docs/ARCHITECTURE.md is the only producer. */
public final class Topics {

    public static final String REFERRALS = "qnet.referrals.v1";
    public static final String NETWORKS = "qnet.networks.v1";
    public static final String VOLUNTEERS = "qnet.volunteers.v1";
    public static final String MATCHES = "qnet.matches.v1";
    public static final String ACTIVITIES = "qnet.activities.v1";

    /** Topics whose latest value per key is what matters; the broker compacts them. */
    public static final List<String> COMPACTED = List.of(NETWORKS);

    public static final List<String> EVENT_TOPICS = List.of(REFERRALS, NETWORKS, VOLUNTEERS, MATCHES, ACTIVITIES);

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }

    /** The event topics followed by their dead-letter topics. */
    public static List<String> all() {
        return java.util.stream.Stream.concat(EVENT_TOPICS.stream(), EVENT_TOPICS.stream().map(Topics::deadLetter)).toList();
    }
}
