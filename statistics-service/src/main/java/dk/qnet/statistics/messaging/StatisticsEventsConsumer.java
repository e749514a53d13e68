package dk.qnet.statistics.messaging;

import dk.qnet.contracts.activity.ActivityHeld;
import dk.qnet.contracts.activity.CourseEnded;
import dk.qnet.contracts.match.MatchAccepted;
import dk.qnet.contracts.match.MatchEnded;
import dk.qnet.contracts.match.MatchStarted;
import dk.qnet.contracts.match.MeetingLogged;
import dk.qnet.contracts.match.OutcomeRecorded;
import dk.qnet.contracts.network.NetworkUpdated;
import dk.qnet.contracts.aftercare.AftercareWindowClosed;
import dk.qnet.contracts.aftercare.AftercareWindowExtended;
import dk.qnet.contracts.aftercare.AftercareWindowOpened;
import dk.qnet.contracts.referral.ReferralErased;
import dk.qnet.contracts.referral.ReferralReceived;
import dk.qnet.contracts.referral.ReferralStatusChanged;
import dk.qnet.contracts.volunteer.VolunteerStatusChanged;
import dk.qnet.platform.inbox.EventHandlers;
import dk.qnet.platform.inbox.EventProcessor;
import dk.qnet.statistics.aggregate.EventAggregator;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Turns the events of five topics into aggregates, each event at most once. */
@ApplicationScoped
public class StatisticsEventsConsumer {

    private final EventProcessor processor;
    private final EventHandlers referrals;
    private final EventHandlers matches;
    private final EventHandlers volunteers;
    private final EventHandlers networks;
    private final EventHandlers activities;

    public StatisticsEventsConsumer(EventProcessor processor, EventAggregator aggregate) {
        this.processor = processor;
        this.referrals = EventHandlers.forConsumer("statistics-service.referrals")
                .on(ReferralReceived.class, e -> aggregate.received(e.payload()))
                .on(ReferralStatusChanged.class, e -> aggregate.statusChanged(e.payload()))
                .on(ReferralErased.class, e -> aggregate.erased(e.payload()))
                .on(AftercareWindowOpened.class, e -> aggregate.aftercareOpened(e.payload()))
                .on(AftercareWindowExtended.class, e -> aggregate.aftercareExtended(e.payload()))
                .on(AftercareWindowClosed.class, e -> aggregate.aftercareClosed(e.payload()));
        this.matches = EventHandlers.forConsumer("statistics-service.matches")
                .on(MatchAccepted.class, e -> aggregate.matchAccepted(e.payload()))
                .on(MatchStarted.class, e -> aggregate.matchStarted(e.payload()))
                .on(MeetingLogged.class, e -> aggregate.meeting(e.payload()))
                .on(MatchEnded.class, e -> aggregate.matchEnded(e.payload()))
                .on(OutcomeRecorded.class, e -> aggregate.outcome(e.payload()));
        this.volunteers = EventHandlers.forConsumer("statistics-service.volunteers")
                .on(VolunteerStatusChanged.class, e -> aggregate.volunteer(e.payload()));
        this.networks = EventHandlers.forConsumer("statistics-service.networks")
                .on(NetworkUpdated.class, e -> aggregate.network(e.payload()));
        this.activities = EventHandlers.forConsumer("statistics-service.activities")
                .on(ActivityHeld.class, e -> aggregate.activityHeld(e.payload()))
                .on(CourseEnded.class, e -> aggregate.courseEnded(e.payload()));
    }

    @Incoming("referrals")
    public void consumeReferrals(ConsumerRecord<String, String> record) {
        processor.process(record, referrals);
    }

    @Incoming("matches")
    public void consumeMatches(ConsumerRecord<String, String> record) {
        processor.process(record, matches);
    }

    @Incoming("volunteers")
    public void consumeVolunteers(ConsumerRecord<String, String> record) {
        processor.process(record, volunteers);
    }

    @Incoming("networks")
    public void consumeNetworks(ConsumerRecord<String, String> record) {
        processor.process(record, networks);
    }

    @Incoming("activities")
    public void consumeActivities(ConsumerRecord<String, String> record) {
        processor.process(record, activities);
    }
}
