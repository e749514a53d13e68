package dk.qnet.activity.messaging;

import dk.qnet.activity.course.service.AdmissionService;
import dk.qnet.activity.service.KnownPeople;
import dk.qnet.activity.service.NetworkRepository;
import dk.qnet.activity.service.RegistrationService;
import dk.qnet.contracts.network.NetworkUpdated;
import dk.qnet.contracts.referral.ReferralErased;
import dk.qnet.contracts.referral.ReferralReceived;
import dk.qnet.contracts.referral.ReferralStatusChanged;
import dk.qnet.contracts.volunteer.VolunteerStatusChanged;
import dk.qnet.platform.inbox.EventHandlers;
import dk.qnet.platform.inbox.EventProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Networks from qnet.networks.v1; referrals (who may take part, and erasure) from
 * qnet.referrals.v1; volunteers from qnet.volunteers.v1; each event at most once.
 */
@ApplicationScoped
public class ActivityEventsConsumer {

    private final EventProcessor processor;
    private final EventHandlers networkHandlers;
    private final EventHandlers referralHandlers;
    private final EventHandlers volunteerHandlers;

    public ActivityEventsConsumer(EventProcessor processor, NetworkRepository networks, RegistrationService registrations, AdmissionService admissions,
                                  KnownPeople known) {
        this.processor = processor;
        this.networkHandlers = EventHandlers.forConsumer("activity-service.networks")
                .on(NetworkUpdated.class, e -> networks.apply(e.payload()));
        this.referralHandlers = EventHandlers.forConsumer("activity-service.referrals")
                .on(ReferralReceived.class, e -> known.received(e.payload()))
                .on(ReferralStatusChanged.class, e -> known.statusChanged(e.payload()))
                .on(ReferralErased.class, e -> {
                    registrations.anonymise(e.payload().referralId());
                    admissions.anonymise(e.payload().referralId());
                    known.erased(e.payload().referralId());
                });
        this.volunteerHandlers = EventHandlers.forConsumer("activity-service.volunteers")
                .on(VolunteerStatusChanged.class, e -> known.volunteer(e.payload()));
    }

    @Incoming("networks")
    public void consumeNetworks(ConsumerRecord<String, String> record) {
        processor.process(record, networkHandlers);
    }

    @Incoming("referrals")
    public void consumeReferrals(ConsumerRecord<String, String> record) {
        processor.process(record, referralHandlers);
    }

    @Incoming("volunteers")
    public void consumeVolunteers(ConsumerRecord<String, String> record) {
        processor.process(record, volunteerHandlers);
    }
}
