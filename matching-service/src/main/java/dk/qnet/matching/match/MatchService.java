package dk.qnet.matching.match;

import dk.qnet.contracts.match.MatchAccepted;
import dk.qnet.contracts.match.MatchDeclined;
import dk.qnet.contracts.match.MatchEndReason;
import dk.qnet.contracts.match.MatchEnded;
import dk.qnet.contracts.match.MatchOffered;
import dk.qnet.contracts.match.MatchStarted;
import dk.qnet.contracts.match.MeetingLogged;
import dk.qnet.contracts.network.NetworkIds;
import dk.qnet.matching.MatchingDue;
import dk.qnet.matching.engine.Explanation;
import dk.qnet.matching.engine.VolunteerProfile;
import dk.qnet.matching.volunteer.Volunteer;
import dk.qnet.matching.volunteer.VolunteerRepository;
import dk.qnet.matching.waiting.PoolStatus;
import dk.qnet.matching.waiting.WaitingReferral;
import dk.qnet.matching.waiting.WaitingReferralRepository;
import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.outbox.Outbox;
import dk.qnet.platform.paging.Page;
import dk.qnet.platform.paging.PageRequest;
import dk.qnet.platform.problem.ProblemException;
import dk.qnet.platform.time.SuiteClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The match lifecycle as the coordinator drives it: a match is offered when she approves a
 * proposal, she records the volunteer's answer (ACCEPTED or DECLINED), logs meetings (the first
 * makes it ACTIVE) and ends it with a reason. {@link Match} checks each step; each is published on
 * qnet.matches.v1 (key: referral id) in the same transaction.
 */
@ApplicationScoped
public class MatchService {

    public record MatchView(UUID id, UUID referralId, UUID volunteerId, @Schema(maxLength = NetworkIds.MAX_LENGTH) String networkId,
                            MatchStatus status,
                            @Schema(minimum = "" + Integer.MIN_VALUE, maximum = "" + Integer.MAX_VALUE, description = "The proposal's score (Explanation).") int score,
                            Instant offeredAt, Instant acceptedAt, Instant startedAt, Instant endedAt, MatchEndReason endReason,
                            LocalDate lastMeetingOn) {

        static MatchView of(Match m) {
            return new MatchView(m.id(), m.referralId(), m.volunteerId(), m.networkId(), m.status(), m.score(), m.offeredAt(),
                    m.acceptedAt(), m.startedAt(), m.endedAt(), m.endReason(), m.lastMeetingOn());
        }
    }

    /** A meeting lasts at most a day's 12 hours. */
    public static final int MAX_MEETING_MINUTES = 720;
    /** A meeting is logged within three months of the day it was held. */
    static final int MEETING_LOG_DAYS = 92;

    private final MatchRepository matches;
    private final MeetingRepository meetings;
    private final ExcludedPairs excluded;
    private final OutcomeRepository outcomes;
    private final WaitingReferralRepository pool;
    private final VolunteerRepository volunteers;
    private final Outbox outbox;
    private final MatchingDue due;
    private final SuiteClock clock;

    public MatchService(MatchRepository matches, MeetingRepository meetings, ExcludedPairs excluded, OutcomeRepository outcomes,
                        WaitingReferralRepository pool, VolunteerRepository volunteers, Outbox outbox, MatchingDue due, SuiteClock clock) {
        this.matches = matches;
        this.meetings = meetings;
        this.excluded = excluded;
        this.outcomes = outcomes;
        this.pool = pool;
        this.volunteers = volunteers;
        this.outbox = outbox;
        this.due = due;
        this.clock = clock;
    }

    /** A coordinator approved the pair (the proposal checked it again): the volunteer is asked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public MatchView offer(WaitingReferral woman, UUID volunteerId, Explanation explanation) {
        Instant now = clock.now();
        Match match = Match.offer(woman.networkId, woman.referralId, volunteerId, explanation, woman.statisticsConsent, now);
        matches.persist(match);
        outbox.append(woman.referralId.toString(), new MatchOffered(match.id(), woman.referralId, woman.networkId, volunteerId,
                match.score(), now));
        woman.status = PoolStatus.OFFERED;
        return MatchView.of(match);
    }

    /** The volunteer's answer, as the coordinator records it. */
    @Transactional
    public MatchView answer(UUID matchId, boolean accepted, CallerIdentity caller) {
        Match m = locked(matchId, caller);
        Instant now = clock.now();
        if (accepted) {
            m.accept(now);
            Volunteer v = volunteers.findById(m.volunteerId());
            if (v.status == VolunteerProfile.Status.APPROVED) {
                v.status = VolunteerProfile.Status.ACTIVE;
            }
            setPool(m.referralId(), PoolStatus.MATCHED);
            outbox.append(m.referralId().toString(), new MatchAccepted(m.id(), m.referralId(), m.networkId(), m.volunteerId(), now));
        } else {
            m.decline(now);
            excluded.exclude(m.referralId(), m.volunteerId());
            setPool(m.referralId(), PoolStatus.READY);
            due.network(m.networkId());
            outbox.append(m.referralId().toString(), new MatchDeclined(m.id(), m.referralId(), m.networkId(), m.volunteerId(), now));
        }
        return MatchView.of(m);
    }

    /** A meeting: only when and how long. The first one makes the match ACTIVE. */
    @Transactional
    public MatchView logMeeting(UUID matchId, LocalDate heldOn, Integer durationMinutes, CallerIdentity caller) {
        Match m = locked(matchId, caller);
        m.requireMeetingsAllowed();
        LocalDate today = clock.today();
        if (heldOn == null || heldOn.isAfter(today) || heldOn.isBefore(today.minusDays(MEETING_LOG_DAYS))) {
            throw ProblemException.invalid("heldOn", "must be a date within the last three months, not in the future");
        }
        if (durationMinutes == null || durationMinutes < 1 || durationMinutes > MAX_MEETING_MINUTES) {
            throw ProblemException.invalid("durationMinutes", "must be from 1 to " + MAX_MEETING_MINUTES);
        }
        Instant now = clock.now();
        Meeting meeting = new Meeting(m.id(), heldOn, durationMinutes, now);
        meetings.persist(meeting);
        outbox.append(m.referralId().toString(), new MeetingLogged(meeting.id(), m.id(), m.referralId(), m.networkId(),
                heldOn, durationMinutes, now));
        if (m.meetingHeld(heldOn, now)) {
            outbox.append(m.referralId().toString(), new MatchStarted(m.id(), m.referralId(), m.networkId(), m.volunteerId(), now));
        }
        return MatchView.of(m);
    }

    @Transactional
    public MatchView end(UUID matchId, MatchEndReason reason, CallerIdentity caller) {
        Match m = locked(matchId, caller);
        m.requireEndable();
        if (reason == null) {
            throw ProblemException.invalid("reason", "is required");
        }
        ended(m, reason);
        return MatchView.of(m);
    }

    /** On erasure or withdrawn consent: every open match of the referral ends, reason CONSENT_WITHDRAWN. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endAllFor(UUID referralId) {
        for (Match m : matches.openFor(referralId)) {
            if (m.status() == MatchStatus.OFFERED) {
                m.decline(clock.now());
            } else {
                ended(m, MatchEndReason.CONSENT_WITHDRAWN);
            }
        }
    }

    /**
     * After erasure, nothing here may lead back to her: her ratings go, her excluded pairs go,
     * and her matches keep only what volunteers' counts need, under a fresh random id that no
     * other service knows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(UUID referralId) {
        matches.flush();
        outcomes.forgetReferral(referralId);
        excluded.forget(referralId);
        matches.forget(referralId);
    }

    /** A page of the network's matches, newest first. */
    @Transactional
    public Page<MatchView> page(String networkId, CallerIdentity caller, PageRequest request) {
        requireOwn(networkId, caller);
        return request.answer(matches.pageIn(networkId, request.offset(), request.size()).stream().map(MatchView::of).toList(),
                matches.countIn(networkId));
    }

    @Transactional
    public List<MatchView> list(String networkId, CallerIdentity caller) {
        requireOwn(networkId, caller);
        return matches.allIn(networkId).stream().map(MatchView::of).toList();
    }

    private void ended(Match m, MatchEndReason reason) {
        Instant now = clock.now();
        Match.Ending ending = m.end(reason, now);
        if (reason == MatchEndReason.NOT_A_GOOD_FIT) {
            excluded.exclude(m.referralId(), m.volunteerId());
        }
        Volunteer volunteer = volunteers.findById(m.volunteerId());
        due.volunteer(volunteer.networkId, volunteer.municipalityCode);
        outbox.append(m.referralId().toString(), new MatchEnded(m.id(), m.referralId(), m.networkId(), m.volunteerId(),
                reason, ending.days(), ending.early(), now));
    }

    private void setPool(UUID referralId, PoolStatus status) {
        pool.findByIdOptional(referralId).ifPresent(waiting -> waiting.status = status);
    }

    /** The match, locked, if the caller may act on it; otherwise 404. */
    Match locked(UUID matchId, CallerIdentity caller) {
        return matches.findLocked(matchId).filter(m -> caller.managesNetwork(m.networkId())).orElseThrow(ProblemException::notFound);
    }

    private void requireOwn(String networkId, CallerIdentity caller) {
        if (!caller.managesNetwork(networkId)) {
            throw ProblemException.notFound();
        }
    }
}
