package dk.qnet.statistics.messaging;

import dk.qnet.contracts.activity.ActivityHeld;
import dk.qnet.contracts.referral.ReferralReceived;
import dk.qnet.statistics.service.ActivityStatistics;
import dk.qnet.platform.inbox.EventHandlers;
import dk.qnet.platform.inbox.EventProcessor;
import dk.qnet.statistics.service.ReferralStatistics;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Turns events into aggregates, each event at most once. */
@ApplicationScoped
public class StatisticsEventsConsumer {

    static final String REFERRALS_CONSUMER = "statistics-service.referrals";

    private final EventProcessor processor;
    private final EventHandlers referralHandlers;
    private final EventHandlers activityHandlers;

    public StatisticsEventsConsumer(EventProcessor processor, ReferralStatistics referrals, ActivityStatistics activities) {
        this.processor = processor;
        this.referralHandlers = EventHandlers.forConsumer(REFERRALS_CONSUMER)
                .on(ReferralReceived.class, event -> referrals.countReceived(event.payload()));
        this.activityHandlers = EventHandlers.forConsumer("statistics-service.activities")
                .on(ActivityHeld.class, event -> activities.countHeld(event.payload()));
    }

    @Incoming("activities")
    public void consumeActivities(ConsumerRecord<String, String> record) {
        processor.process(record, activityHandlers);
    }

    @Incoming("referrals")
    public void consumeReferrals(ConsumerRecord<String, String> record) {
        processor.process(record, referralHandlers);
    }
}
