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
import dk.qnet.matching.proposal.MatchingRunService;
import dk.qnet.matching.volunteer.Volunteer;
import dk.qnet.matching.waiting.WaitingReferral;
import dk.qnet.matching.waiting.WaitingReferralService;
import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.outbox.Outbox;
import dk.qnet.platform.paging.Page;
import dk.qnet.platform.paging.PageRequest;
import dk.qnet.platform.persistence.SqlValues;
import dk.qnet.platform.problem.ProblemException;
import dk.qnet.platform.time.SuiteClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The match lifecycle: a coordinator approves a proposal (OFFERED), records the volunteer's
 * answer (ACCEPTED or DECLINED), logs meetings (the first makes it ACTIVE) and ends it with a
 * reason. Each step is published on qnet.matches.v1 (key: referral id) in the same transaction.
 */
@ApplicationScoped
public class MatchService {

    public record MatchView(UUID id, UUID referralId, UUID volunteerId, @Schema(maxLength = NetworkIds.MAX_LENGTH) String networkId,
                            @Schema(maxLength = STATUS_LENGTH, description = "OFFERED, ACCEPTED, DECLINED, ACTIVE or ENDED.") String status,
                            @Schema(minimum = "" + Integer.MIN_VALUE, maximum = "" + Integer.MAX_VALUE, description = "The proposal's score (Explanation).") int score,
                            Instant offeredAt, Instant acceptedAt, Instant startedAt, Instant endedAt,
                            @Schema(maxLength = STATUS_LENGTH, description = "A MatchEndReason.") String endReason,
                            LocalDate lastMeetingOn) {
    }

    /** The longest status or reason code a match has. */
    static final int STATUS_LENGTH = 40;
    /** A meeting lasts at most a day's 12 hours. */
    public static final int MAX_MEETING_MINUTES = 720;

    /** Ends before this count as early: the woman goes back on the waitlist with priority. */
    static final Duration EARLY = Duration.ofDays(91);

    private final EntityManager em;
    private final Outbox outbox;
    private final MatchingDue due;
    private final MatchingRunService runs;
    private final SuiteClock clock;

    public MatchService(EntityManager em, Outbox outbox, MatchingDue due, MatchingRunService runs, SuiteClock clock) {
        this.em = em;
        this.outbox = outbox;
        this.due = due;
        this.runs = runs;
        this.clock = clock;
    }

    @Transactional
    public MatchView approve(UUID proposalId, CallerIdentity caller) {
        List<?> rows = em.createNativeQuery("""
                select network_id, referral_id, volunteer_id, score, cast(explanation as text), status from proposal where id = ?1 for update
                """).setParameter(1, proposalId).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound();
        }
        Object[] p = (Object[]) rows.get(0);
        String networkId = (String) p[0];
        requireOwn(networkId, caller);
        if (!"PROPOSED".equals(p[5])) {
            throw ProblemException.conflict("The proposal is " + p[5] + ".");
        }
        UUID referralId = (UUID) p[1];
        WaitingReferral waiting = em.find(WaitingReferral.class, referralId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (waiting == null || !WaitingReferralService.READY.equals(waiting.status)) {
            throw ProblemException.conflict("The woman is no longer waiting for a volunteer.");
        }
        Volunteer volunteer = em.find(Volunteer.class, p[2], jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        Explanation recheck = runs.recheck(waiting, volunteer);
        if (!recheck.feasible()) {
            throw ProblemException.conflict("The proposal no longer holds: " + recheck.checks().stream().filter(c -> !c.passed())
                    .map(Explanation.Check::code).toList() + ". Run matching again.");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.now();
        em.createNativeQuery("""
                insert into match (id, network_id, referral_id, volunteer_id, status, score, explanation, offered_at, version,
                                   statistics_consent)
                values (?1, ?2, ?3, ?4, 'OFFERED', ?5, cast(?6 as jsonb), ?7, 0, ?8)
                """).setParameter(1, id).setParameter(2, networkId).setParameter(3, referralId).setParameter(4, p[2])
                .setParameter(5, p[3]).setParameter(6, p[4]).setParameter(7, now).setParameter(8, waiting.statisticsConsent)
                .executeUpdate();
        outbox.append(referralId.toString(), new MatchOffered(id, referralId, networkId, (UUID) p[2], ((Number) p[3]).intValue(), now));
        em.createNativeQuery("update proposal set status = 'APPROVED' where id = ?1").setParameter(1, proposalId).executeUpdate();
        em.createNativeQuery("delete from proposal where referral_id = ?1 and status = 'PROPOSED'").setParameter(1, referralId).executeUpdate();
        waiting.status = "OFFERED";
        return view(id);
    }

    /** The volunteer's answer, as the coordinator records it. */
    @Transactional
    public MatchView answer(UUID matchId, boolean accepted, CallerIdentity caller) {
        Map<String, Object> m = locked(matchId, caller);
        requireStatus(m, "OFFERED");
        UUID referralId = (UUID) m.get("referral_id");
        UUID volunteerId = (UUID) m.get("volunteer_id");
        String networkId = (String) m.get("network_id");
        Instant now = clock.now();
        if (accepted) {
            setStatus(matchId, "ACCEPTED", "accepted_at", now);
            Volunteer v = em.find(Volunteer.class, volunteerId);
            if (v.status == VolunteerProfile.Status.APPROVED) {
                v.status = VolunteerProfile.Status.ACTIVE;
            }
            setPool(referralId, WaitingReferralService.MATCHED);
            outbox.append(referralId.toString(), new MatchAccepted(matchId, referralId, networkId, volunteerId, now));
        } else {
            setStatus(matchId, "DECLINED", "ended_at", now);
            exclude(referralId, volunteerId);
            setPool(referralId, WaitingReferralService.READY);
            due.network(networkId);
            outbox.append(referralId.toString(), new MatchDeclined(matchId, referralId, networkId, volunteerId, now));
        }
        return view(matchId);
    }

    /** A meeting: only when and how long. The first one makes the match ACTIVE. */
    @Transactional
    public MatchView logMeeting(UUID matchId, LocalDate heldOn, Integer durationMinutes, CallerIdentity caller) {
        Map<String, Object> m = locked(matchId, caller);
        String status = (String) m.get("status");
        if (!status.equals("ACCEPTED") && !status.equals("ACTIVE")) {
            throw ProblemException.conflict("Meetings are logged for accepted or active matches; this one is " + status + ".");
        }
        LocalDate today = clock.today();
        if (heldOn == null || heldOn.isAfter(today) || heldOn.isBefore(today.minusDays(92))) {
            throw ProblemException.invalid("heldOn", "must be a date within the last three months, not in the future");
        }
        if (durationMinutes == null || durationMinutes < 1 || durationMinutes > MAX_MEETING_MINUTES) {
            throw ProblemException.invalid("durationMinutes", "must be from 1 to " + MAX_MEETING_MINUTES);
        }
        UUID meetingId = UUID.randomUUID();
        Instant loggedAt = clock.now();
        em.createNativeQuery("insert into meeting (id, match_id, held_on, duration_minutes, logged_at) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, meetingId).setParameter(2, matchId).setParameter(3, heldOn).setParameter(4, durationMinutes)
                .setParameter(5, loggedAt).executeUpdate();
        UUID meetingReferral = (UUID) m.get("referral_id");
        outbox.append(meetingReferral.toString(), new MeetingLogged(meetingId, matchId, meetingReferral, (String) m.get("network_id"),
                heldOn, durationMinutes, loggedAt));
        em.createNativeQuery("update match set last_meeting_on = greatest(coalesce(last_meeting_on, ?2), ?2), version = version + 1 where id = ?1")
                .setParameter(1, matchId).setParameter(2, heldOn).executeUpdate();
        if (status.equals("ACCEPTED")) {
            Instant now = clock.now();
            setStatus(matchId, "ACTIVE", "started_at", now);
            UUID referralId = (UUID) m.get("referral_id");
            outbox.append(referralId.toString(), new MatchStarted(matchId, referralId, (String) m.get("network_id"),
                    (UUID) m.get("volunteer_id"), now));
        }
        return view(matchId);
    }

    @Transactional
    public MatchView end(UUID matchId, MatchEndReason reason, CallerIdentity caller) {
        Map<String, Object> m = locked(matchId, caller);
        String status = (String) m.get("status");
        if (!status.equals("ACCEPTED") && !status.equals("ACTIVE")) {
            throw ProblemException.conflict("Only an accepted or active match ends; this one is " + status + ".");
        }
        if (reason == null) {
            throw ProblemException.invalid("reason", "is required");
        }
        return endLocked(matchId, m, reason);
    }

    /** On erasure or withdrawn consent: every open match of the referral ends, reason CONSENT_WITHDRAWN. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endAllFor(UUID referralId) {
        @SuppressWarnings("unchecked")
        List<UUID> open = em.createNativeQuery("select id from match where referral_id = ?1 and status in ('OFFERED', 'ACCEPTED', 'ACTIVE')")
                .setParameter(1, referralId).getResultList();
        for (UUID id : open) {
            Map<String, Object> m = row(id, true);
            if ("OFFERED".equals(m.get("status"))) {
                setStatus(id, "DECLINED", "ended_at", clock.now());
            } else {
                endLocked(id, m, MatchEndReason.CONSENT_WITHDRAWN);
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
        em.createNativeQuery("delete from outcome where match_id in (select id from match where referral_id = ?1)")
                .setParameter(1, referralId).executeUpdate();
        em.createNativeQuery("delete from excluded_pair where referral_id = ?1").setParameter(1, referralId).executeUpdate();
        em.createNativeQuery("update match set referral_id = ?2, statistics_consent = false, explanation = '{}' where referral_id = ?1")
                .setParameter(1, referralId).setParameter(2, UUID.randomUUID()).executeUpdate();
    }

    /** A page of the network's matches, newest first. */
    @Transactional
    public Page<MatchView> page(String networkId, CallerIdentity caller, PageRequest request) {
        requireOwn(networkId, caller);
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select id from match where network_id = ?1 order by offered_at desc, id")
                .setParameter(1, networkId).setFirstResult(request.offset()).setMaxResults(request.size()).getResultList();
        long total = ((Number) em.createNativeQuery("select count(*) from match where network_id = ?1").setParameter(1, networkId)
                .getSingleResult()).longValue();
        return request.answer(ids.stream().map(this::view).toList(), total);
    }

    @Transactional
    public List<MatchView> list(String networkId, CallerIdentity caller) {
        requireOwn(networkId, caller);
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select id from match where network_id = ?1 order by offered_at desc").setParameter(1, networkId)
                .getResultList();
        return ids.stream().map(this::view).toList();
    }

    private MatchView endLocked(UUID matchId, Map<String, Object> m, MatchEndReason reason) {
        Instant now = clock.now();
        Instant since = m.get("started_at") != null ? SqlValues.instant(m.get("started_at")) : SqlValues.instant(m.get("accepted_at"));
        int days = (int) Duration.between(since, now).toDays();
        boolean early = Duration.between(since, now).compareTo(EARLY) < 0 && reason != MatchEndReason.COMPLETED_AS_PLANNED;
        em.createNativeQuery("update match set status = 'ENDED', ended_at = ?2, end_reason = ?3, version = version + 1 where id = ?1")
                .setParameter(1, matchId).setParameter(2, now).setParameter(3, reason.name()).executeUpdate();
        UUID referralId = (UUID) m.get("referral_id");
        UUID volunteerId = (UUID) m.get("volunteer_id");
        if (reason == MatchEndReason.NOT_A_GOOD_FIT) {
            exclude(referralId, volunteerId);
        }
        Volunteer volunteer = em.find(Volunteer.class, volunteerId);
        due.volunteer(volunteer.networkId, volunteer.municipalityCode);
        outbox.append(referralId.toString(), new MatchEnded(matchId, referralId, (String) m.get("network_id"), volunteerId,
                reason, days, early, now));
        return view(matchId);
    }

    private void exclude(UUID referralId, UUID volunteerId) {
        em.createNativeQuery("insert into excluded_pair (referral_id, volunteer_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, referralId).setParameter(2, volunteerId).executeUpdate();
    }

    private void setPool(UUID referralId, String status) {
        WaitingReferral waiting = em.find(WaitingReferral.class, referralId);
        if (waiting != null) {
            waiting.status = status;
        }
    }

    private void setStatus(UUID matchId, String status, String timeColumn, Instant at) {
        em.createNativeQuery("update match set status = ?2, " + timeColumn + " = ?3, version = version + 1 where id = ?1")
                .setParameter(1, matchId).setParameter(2, status).setParameter(3, at).executeUpdate();
    }

    private static void requireStatus(Map<String, Object> m, String expected) {
        if (!expected.equals(m.get("status"))) {
            throw ProblemException.conflict("The match is " + m.get("status") + ", not " + expected + ".");
        }
    }

    /** The match's row, locked, if the caller may act on it; otherwise 404. */
    Map<String, Object> locked(UUID matchId, CallerIdentity caller) {
        Map<String, Object> m = row(matchId, true);
        if (m == null || !caller.managesNetwork((String) m.get("network_id"))) {
            throw ProblemException.notFound();
        }
        return m;
    }

    private Map<String, Object> row(UUID matchId, boolean forUpdate) {
        List<?> rows = em.createNativeQuery("select network_id, referral_id, volunteer_id, status, accepted_at, started_at, statistics_consent from match where id = ?1"
                + (forUpdate ? " for update" : "")).setParameter(1, matchId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = (Object[]) rows.get(0);
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("network_id", r[0]);
        m.put("referral_id", r[1]);
        m.put("volunteer_id", r[2]);
        m.put("status", r[3]);
        m.put("accepted_at", r[4]);
        m.put("started_at", r[5]);
        m.put("statistics_consent", r[6]);
        return m;
    }

    private MatchView view(UUID id) {
        Object[] r = (Object[]) em.createNativeQuery("""
                select id, referral_id, volunteer_id, network_id, status, score, offered_at, accepted_at, started_at, ended_at,
                       end_reason, last_meeting_on from match where id = ?1
                """).setParameter(1, id).getSingleResult();
        return new MatchView((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3], (String) r[4], ((Number) r[5]).intValue(),
                instantOrNull(r[6]), instantOrNull(r[7]), instantOrNull(r[8]), instantOrNull(r[9]), (String) r[10],
                SqlValues.localDate(r[11]));
    }

    private static Instant instantOrNull(Object value) {
        return value == null ? null : SqlValues.instant(value);
    }

    private void requireOwn(String networkId, CallerIdentity caller) {
        if (!caller.managesNetwork(networkId)) {
            throw ProblemException.notFound();
        }
    }
}
