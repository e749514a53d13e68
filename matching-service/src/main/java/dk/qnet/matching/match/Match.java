package dk.qnet.matching.match;

import dk.qnet.contracts.match.MatchEndReason;
import dk.qnet.contracts.match.OutcomeTimepoint;
import dk.qnet.matching.engine.Explanation;
import dk.qnet.platform.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A woman and a volunteer, from the offer to its end. Every step goes through a method that
 * checks {@link MatchLifecycle}; a step the lifecycle does not allow is a 409 naming the status.
 * Only ids and dates: nothing here names the woman.
 */
@Entity
@Table(name = "match")
public class Match {

    /** Ends before this count as early: the woman goes back on the waitlist with priority. */
    static final Duration EARLY = Duration.ofDays(91);

    @Id
    private UUID id;

    @Column(name = "network_id")
    private String networkId;

    @Column(name = "referral_id")
    private UUID referralId;

    @Column(name = "volunteer_id")
    private UUID volunteerId;

    @Enumerated(EnumType.STRING)
    private MatchStatus status;

    private int score;

    @JdbcTypeCode(SqlTypes.JSON)
    private Explanation explanation;

    @Column(name = "offered_at")
    private Instant offeredAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    private MatchEndReason endReason;

    @Column(name = "last_meeting_on")
    private LocalDate lastMeetingOn;

    /** Her consent covers STATISTICS: only then are her own ratings recorded. */
    @Column(name = "statistics_consent")
    private boolean statisticsConsent;

    @Version
    private long version;

    protected Match() {
    }

    /** A coordinator approved the pair: the volunteer is asked. */
    public static Match offer(String networkId, UUID referralId, UUID volunteerId, Explanation explanation,
                              boolean statisticsConsent, Instant now) {
        Match m = new Match();
        m.id = UUID.randomUUID();
        m.networkId = networkId;
        m.referralId = referralId;
        m.volunteerId = volunteerId;
        m.status = MatchStatus.OFFERED;
        m.score = explanation.score();
        m.explanation = explanation;
        m.offeredAt = now;
        m.statisticsConsent = statisticsConsent;
        return m;
    }

    /** The volunteer said yes. */
    public void accept(Instant now) {
        requireOffered();
        move(MatchStatus.ACCEPTED);
        acceptedAt = now;
    }

    /** The volunteer said no, or her offer fell with the woman's consent. */
    public void decline(Instant now) {
        requireOffered();
        move(MatchStatus.DECLINED);
        endedAt = now;
    }

    /**
     * A meeting was held. The first one makes the match ACTIVE.
     *
     * @return whether this meeting started the match
     */
    public boolean meetingHeld(LocalDate heldOn, Instant now) {
        requireMeetingsAllowed();
        if (lastMeetingOn == null || heldOn.isAfter(lastMeetingOn)) {
            lastMeetingOn = heldOn;
        }
        if (status == MatchStatus.ACCEPTED) {
            move(MatchStatus.ACTIVE);
            startedAt = now;
            return true;
        }
        return false;
    }

    /** What an end means for the woman: how long it ran, and whether it was early. */
    public record Ending(int days, boolean early) {
    }

    /**
     * Ends an accepted or active match. It counts from the first meeting, or from the acceptance
     * when none was held; ended before 91 days and not as planned, it is early.
     */
    public Ending end(MatchEndReason reason, Instant now) {
        requireEndable();
        move(MatchStatus.ENDED);
        endedAt = now;
        endReason = reason;
        Duration ran = Duration.between(startedAt != null ? startedAt : acceptedAt, now);
        return new Ending((int) ran.toDays(), ran.compareTo(EARLY) < 0 && reason != MatchEndReason.COMPLETED_AS_PLANNED);
    }

    /** Whether her ratings for a timepoint belong to this match as it stands. */
    public boolean takesRatingsAt(OutcomeTimepoint timepoint) {
        return switch (timepoint) {
            case START -> status.running();
            case THREE_MONTHS -> startedAt != null && (status == MatchStatus.ACTIVE || status == MatchStatus.ENDED);
            case END -> status == MatchStatus.ENDED && acceptedAt != null;
        };
    }

    /** Meetings are logged for an accepted or active match only. */
    public void requireMeetingsAllowed() {
        if (!status.running()) {
            throw ProblemException.conflict("Meetings are logged for accepted or active matches; this one is " + status + ".");
        }
    }

    /** Only an accepted or active match ends. */
    public void requireEndable() {
        if (!status.running()) {
            throw ProblemException.conflict("Only an accepted or active match ends; this one is " + status + ".");
        }
    }

    private void requireOffered() {
        if (status != MatchStatus.OFFERED) {
            throw ProblemException.conflict("The match is " + status + ", not " + MatchStatus.OFFERED + ".");
        }
    }

    private void move(MatchStatus to) {
        if (!MatchLifecycle.allows(status, to)) {
            throw ProblemException.conflict("The match is " + status + "; it cannot become " + to + ".");
        }
        status = to;
    }

    public UUID id() {
        return id;
    }

    public String networkId() {
        return networkId;
    }

    public UUID referralId() {
        return referralId;
    }

    public UUID volunteerId() {
        return volunteerId;
    }

    public MatchStatus status() {
        return status;
    }

    public int score() {
        return score;
    }

    public Instant offeredAt() {
        return offeredAt;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public MatchEndReason endReason() {
        return endReason;
    }

    public LocalDate lastMeetingOn() {
        return lastMeetingOn;
    }

    public boolean statisticsConsent() {
        return statisticsConsent;
    }
}
