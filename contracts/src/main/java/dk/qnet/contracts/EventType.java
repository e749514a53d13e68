package dk.qnet.contracts;

import dk.qnet.contracts.activity.ActivityCancelled;
import dk.qnet.contracts.aftercare.AftercareWindowClosed;
import dk.qnet.contracts.aftercare.AftercareWindowExtended;
import dk.qnet.contracts.aftercare.AftercareWindowOpened;
import dk.qnet.contracts.aftercare.PlanGoalChanged;
import dk.qnet.contracts.activity.ActivityHeld;
import dk.qnet.contracts.activity.ActivityScheduled;
import dk.qnet.contracts.activity.CourseEnded;
import dk.qnet.contracts.match.MatchAccepted;
import dk.qnet.contracts.network.NetworkUpdated;
import dk.qnet.contracts.match.MatchDeclined;
import dk.qnet.contracts.match.MatchEnded;
import dk.qnet.contracts.match.MatchOffered;
import dk.qnet.contracts.match.MatchProposed;
import dk.qnet.contracts.match.MatchStarted;
import dk.qnet.contracts.match.MeetingLogged;
import dk.qnet.contracts.match.OutcomeRecorded;
import dk.qnet.contracts.volunteer.VolunteerStatusChanged;
import dk.qnet.contracts.referral.ReferralErased;
import dk.qnet.contracts.referral.ReferralReceived;
import dk.qnet.contracts.referral.ReferralStatusChanged;
import java.util.Arrays;
import java.util.Optional;

/**
 * One versioned schema per event type. Each has a golden sample under
 * {@code dk/qnet/contracts/samples/}, which every consumer's tests deserialise.
 */
public enum EventType {

    REFERRAL_RECEIVED("ReferralReceived", 1, Topics.REFERRALS, ReferralReceived.class),
    REFERRAL_STATUS_CHANGED("ReferralStatusChanged", 1, Topics.REFERRALS, ReferralStatusChanged.class),
    REFERRAL_ERASED("ReferralErased", 1, Topics.REFERRALS, ReferralErased.class),
    AFTERCARE_WINDOW_OPENED("AftercareWindowOpened", 1, Topics.REFERRALS, AftercareWindowOpened.class),
    AFTERCARE_WINDOW_EXTENDED("AftercareWindowExtended", 1, Topics.REFERRALS, AftercareWindowExtended.class),
    AFTERCARE_WINDOW_CLOSED("AftercareWindowClosed", 1, Topics.REFERRALS, AftercareWindowClosed.class),
    PLAN_GOAL_CHANGED("PlanGoalChanged", 1, Topics.REFERRALS, PlanGoalChanged.class),
    MATCH_PROPOSED("MatchProposed", 1, Topics.MATCHES, MatchProposed.class),
    MATCH_OFFERED("MatchOffered", 1, Topics.MATCHES, MatchOffered.class),
    MATCH_ACCEPTED("MatchAccepted", 1, Topics.MATCHES, MatchAccepted.class),
    MATCH_DECLINED("MatchDeclined", 1, Topics.MATCHES, MatchDeclined.class),
    MATCH_STARTED("MatchStarted", 1, Topics.MATCHES, MatchStarted.class),
    MEETING_LOGGED("MeetingLogged", 1, Topics.MATCHES, MeetingLogged.class),
    MATCH_ENDED("MatchEnded", 1, Topics.MATCHES, MatchEnded.class),
    OUTCOME_RECORDED("OutcomeRecorded", 1, Topics.MATCHES, OutcomeRecorded.class),
    VOLUNTEER_STATUS_CHANGED("VolunteerStatusChanged", 1, Topics.VOLUNTEERS, VolunteerStatusChanged.class),
    NETWORK_UPDATED("NetworkUpdated", 1, Topics.NETWORKS, NetworkUpdated.class),
    ACTIVITY_SCHEDULED("ActivityScheduled", 1, Topics.ACTIVITIES, ActivityScheduled.class),
    ACTIVITY_CANCELLED("ActivityCancelled", 1, Topics.ACTIVITIES, ActivityCancelled.class),
    ACTIVITY_HELD("ActivityHeld", 1, Topics.ACTIVITIES, ActivityHeld.class),
    COURSE_ENDED("CourseEnded", 1, Topics.ACTIVITIES, CourseEnded.class);

    private final String typeName;
    private final int schemaVersion;
    private final String topic;
    private final Class<?> payloadType;

    EventType(String typeName, int schemaVersion, String topic, Class<?> payloadType) {
        this.typeName = typeName;
        this.schemaVersion = schemaVersion;
        this.topic = topic;
        this.payloadType = payloadType;
    }

    public String typeName() {
        return typeName;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public String topic() {
        return topic;
    }

    public Class<?> payloadType() {
        return payloadType;
    }

    /** The classpath resource holding the committed golden sample of this event's payload. */
    public String sampleResource() {
        return "dk/qnet/contracts/samples/" + typeName + ".v" + schemaVersion + ".json";
    }

    public static Optional<EventType> byName(String typeName) {
        return Arrays.stream(values()).filter(t -> t.typeName.equals(typeName)).findFirst();
    }

    public static EventType of(Class<?> payloadType) {
        return Arrays.stream(values())
                .filter(t -> t.payloadType.equals(payloadType))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No event type for " + payloadType.getSimpleName()));
    }
}
