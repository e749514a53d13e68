package dk.qnet.referral.messaging;

import dk.qnet.contracts.match.MatchAccepted;
import dk.qnet.contracts.match.MatchDeclined;
import dk.qnet.contracts.match.MatchEndReason;
import dk.qnet.contracts.match.MatchEnded;
import dk.qnet.contracts.match.MatchStarted;
import dk.qnet.contracts.network.NetworkUpdated;
import dk.qnet.platform.inbox.EventHandlers;
import dk.qnet.platform.inbox.EventProcessor;
import dk.qnet.referral.ReferralStatus;
import dk.qnet.referral.StatusReason;
import dk.qnet.referral.network.NetworkRouting;
import dk.qnet.referral.service.ReferralService;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Events from matching-service: the networks that route referrals, and the closed loop: MATCHED, ACTIVE, WAITLISTED, COMPLETED and CLOSED follow from what happens to
 * the woman's match in matching-service. Each event applies at most once (inbox).
 */
@ApplicationScoped
public class MatchingEventsConsumer {

    static final String CONSUMER = "referral-service.matches";

    private final EventProcessor processor;
    private final EventHandlers handlers;
    private final EventHandlers networkHandlers;

    public MatchingEventsConsumer(EventProcessor processor, ReferralService referrals, NetworkRouting routing) {
        this.processor = processor;
        this.networkHandlers = EventHandlers.forConsumer("referral-service.networks")
                .on(NetworkUpdated.class, e -> routing.update(e.payload()));
        this.handlers = EventHandlers.forConsumer(CONSUMER)
                .on(MatchAccepted.class, e -> referrals.applyFromMatching(e.payload().referralId(), ReferralStatus.MATCHED, null))
                .on(MatchDeclined.class, e -> referrals.applyFromMatching(e.payload().referralId(), ReferralStatus.WAITLISTED, null))
                .on(MatchStarted.class, e -> referrals.applyFromMatching(e.payload().referralId(), ReferralStatus.ACTIVE, null))
                .on(MatchEnded.class, e -> {
                    if (e.payload().reason() == MatchEndReason.CONSENT_WITHDRAWN) {
                        // The same erasure as the consent-withdrawal endpoint.
                        referrals.consentWithdrawnInMatching(e.payload().referralId());
                    } else {
                        referrals.applyFromMatching(e.payload().referralId(), statusAfter(e.payload()), reasonAfter(e.payload()));
                    }
                });
    }

    /** Completed as planned, back on the waitlist after an early end, otherwise closed. */
    static ReferralStatus statusAfter(MatchEnded ended) {
        if (ended.reason() == MatchEndReason.COMPLETED_AS_PLANNED) {
            return ReferralStatus.COMPLETED;
        }
        if (ended.reason() == MatchEndReason.CONSENT_WITHDRAWN) {
            return ReferralStatus.CLOSED;
        }
        return ended.early() ? ReferralStatus.WAITLISTED : ReferralStatus.CLOSED;
    }

    static StatusReason reasonAfter(MatchEnded ended) {
        return switch (statusAfter(ended)) {
            case CLOSED -> ended.reason() == MatchEndReason.CONSENT_WITHDRAWN ? StatusReason.CONSENT_WITHDRAWN : StatusReason.MATCH_ENDED;
            default -> null;
        };
    }

    @Incoming("networks")
    public void consumeNetworks(ConsumerRecord<String, String> record) {
        processor.process(record, networkHandlers);
    }

    @Incoming("matches")
    public void consume(ConsumerRecord<String, String> record) {
        processor.process(record, handlers);
    }
}
