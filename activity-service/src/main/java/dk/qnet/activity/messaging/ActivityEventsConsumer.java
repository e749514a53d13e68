package dk.qnet.activity.messaging;

import dk.qnet.activity.Network;
import dk.qnet.activity.service.RegistrationService;
import dk.qnet.contracts.network.NetworkUpdated;
import dk.qnet.contracts.referral.ReferralErased;
import dk.qnet.platform.inbox.EventHandlers;
import dk.qnet.platform.inbox.EventProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Networks from qnet.networks.v1, and erasure from qnet.referrals.v1, each event at most once. */
@ApplicationScoped
public class ActivityEventsConsumer {

    private final EventProcessor processor;
    private final EventHandlers networkHandlers;
    private final EventHandlers referralHandlers;

    public ActivityEventsConsumer(EventProcessor processor, EntityManager em, RegistrationService registrations) {
        this.processor = processor;
        this.networkHandlers = EventHandlers.forConsumer("activity-service.networks")
                .on(NetworkUpdated.class, e -> upsert(em, e.payload()));
        this.referralHandlers = EventHandlers.forConsumer("activity-service.referrals")
                .on(ReferralErased.class, e -> registrations.anonymise(e.payload().referralId()));
    }

    /** The newest description wins; an older one arriving late changes nothing. */
    static void upsert(EntityManager em, NetworkUpdated n) {
        Network network = em.find(Network.class, n.networkId());
        if (network == null) {
            network = new Network();
            network.networkId = n.networkId();
        } else if (network.updatedAt.isAfter(n.updatedAt())) {
            return;
        }
        network.name = n.name();
        network.active = n.active();
        network.updatedAt = n.updatedAt();
        em.persist(network);
    }

    @Incoming("networks")
    public void consumeNetworks(ConsumerRecord<String, String> record) {
        processor.process(record, networkHandlers);
    }

    @Incoming("referrals")
    public void consumeReferrals(ConsumerRecord<String, String> record) {
        processor.process(record, referralHandlers);
    }
}
