package dk.qnet.matching.messaging;

import dk.qnet.contracts.referral.ReferralErased;
import dk.qnet.contracts.referral.ReferralReceived;
import dk.qnet.contracts.referral.ReferralStatusChanged;
import dk.qnet.matching.match.MatchService;
import dk.qnet.matching.waiting.WaitingReferralService;
import dk.qnet.platform.inbox.EventHandlers;
import dk.qnet.platform.inbox.EventProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Applies referral events to the matching pool, each at most once. */
@ApplicationScoped
public class ReferralEventsConsumer {

    static final String CONSUMER = "matching-service.referrals";

    private final EventProcessor processor;
    private final EventHandlers handlers;

    public ReferralEventsConsumer(EventProcessor processor, WaitingReferralService waiting, MatchService matches) {
        this.processor = processor;
        this.handlers = EventHandlers.forConsumer(CONSUMER)
                .on(ReferralReceived.class, event -> waiting.add(event.payload()))
                .on(ReferralStatusChanged.class, event -> waiting.statusChanged(event.payload()))
                .on(ReferralErased.class, event -> {
                    // Her matches end (consent withdrawn) before anything about her is dropped.
                    matches.endAllFor(event.payload().referralId());
                    waiting.erased(event.payload());
                    matches.forget(event.payload().referralId());
                });
    }

    @Incoming("referrals")
    public void consume(ConsumerRecord<String, String> record) {
        processor.process(record, handlers);
    }
}
