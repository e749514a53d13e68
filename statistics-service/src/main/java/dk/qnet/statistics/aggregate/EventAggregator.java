package dk.qnet.statistics.aggregate;

import dk.qnet.contracts.Municipalities;
import dk.qnet.contracts.activity.ActivityHeld;
import dk.qnet.contracts.activity.CourseEnded;
import dk.qnet.contracts.match.MatchAccepted;
import dk.qnet.contracts.match.MatchEnded;
import dk.qnet.contracts.match.MatchStarted;
import dk.qnet.contracts.match.MeetingLogged;
import dk.qnet.contracts.match.OutcomeRatings;
import dk.qnet.contracts.match.OutcomeRecorded;
import dk.qnet.contracts.match.OutcomeTimepoint;
import dk.qnet.contracts.aftercare.AftercareWindowClosed;
import dk.qnet.contracts.aftercare.AftercareWindowExtended;
import dk.qnet.contracts.aftercare.AftercareWindowOpened;
import dk.qnet.contracts.network.NetworkUpdated;
import dk.qnet.contracts.referral.ConsentScope;
import dk.qnet.contracts.referral.ReferralErased;
import dk.qnet.contracts.referral.ReferralReceived;
import dk.qnet.contracts.referral.ReferralStatusChanged;
import dk.qnet.contracts.volunteer.VolunteerStatusChanged;
import dk.qnet.statistics.StatisticsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Turns each event into additions to the monthly figures. Runs inside the consumer's inbox
 * transaction, so a redelivered event changes nothing. Person-level figures count only women whose
 * consent covers STATISTICS; the others appear only in the referrals received.
 */
@ApplicationScoped
public class EventAggregator {

    /** What is kept about a woman: coarse, and keyed by a pseudonym. */
    record Subject(byte[] key, boolean statistics, String networkId, String regionCode, String source, int children,
                   LocalDate receivedOn, boolean waiting, boolean reached, Integer startSafety, Integer startWellbeing) {
    }

    private final EntityManager em;
    private final Counts counts;
    private final Changes changes;
    private final Pseudonyms pseudonyms;
    private final ZoneId zone;

    public EventAggregator(EntityManager em, Counts counts, Changes changes, Pseudonyms pseudonyms, StatisticsConfig config) {
        this.em = em;
        this.counts = counts;
        this.changes = changes;
        this.pseudonyms = pseudonyms;
        this.zone = ZoneId.of(config.zone());
    }

    // ---- qnet.referrals.v1

    @Transactional(Transactional.TxType.MANDATORY)
    public void received(ReferralReceived e) {
        String region = e.networkId() == null ? Municipalities.regionOf(e.municipalityCode()).orElse("UNKNOWN")
                : regionOf(e.networkId(), e.municipalityCode());
        // Unrouted referrals count in their municipality's region, under a place of their own.
        String network = e.networkId() == null ? Measures.UNROUTED + "-" + region : e.networkId();
        byte[] key = pseudonyms.of("referral", e.referralId());
        boolean statistics = e.consentScopes().contains(ConsentScope.STATISTICS);
        int inserted = em.createNativeQuery("""
                insert into subject (subject_key, statistics, network_id, region_code, source, children, received_on)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing
                """).setParameter(1, key).setParameter(2, statistics).setParameter(3, network).setParameter(4, region)
                .setParameter(5, e.senderType().name()).setParameter(6, e.childrenBirthYears().size())
                .setParameter(7, day(e.receivedAt())).executeUpdate();
        if (inserted == 1) {
            counts.add(Measures.RECEIVED, new Counts.Cell(month(e.receivedAt()), network, region, e.senderType().name()), 1);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(ReferralStatusChanged e) {
        Optional<Subject> found = subject(pseudonyms.of("referral", e.referralId()));
        if (found.isEmpty() || !found.get().statistics()) {
            return;
        }
        Subject s = found.get();
        Counts.Cell cell = cell(s, e.changedAt());
        switch (e.status()) {
            case ACCEPTED -> counts.add(Measures.ACCEPTED, cell, 1);
            case REJECTED -> {
                counts.add(Measures.REJECTED, cell, 1);
                counts.add(Measures.REJECTED_BECAUSE + (e.reason() == null ? "OTHER" : e.reason()), cell, 1);
            }
            case WITHDRAWN -> counts.add(Measures.WITHDRAWN, cell, 1);
            default -> {
                // Other statuses only move her on or off the waiting list, below.
            }
        }
        boolean waitingNow = switch (e.status()) {
            case ACCEPTED, WAITLISTED -> true;
            case MATCHED, ACTIVE, REJECTED, WITHDRAWN, CLOSED, COMPLETED -> false;
            default -> s.waiting();
        };
        if (waitingNow != s.waiting()) {
            counts.add(Measures.WAITING, cell, waitingNow ? 1 : -1);
            em.createNativeQuery("update subject set waiting = ?2 where subject_key = ?1").setParameter(1, s.key())
                    .setParameter(2, waitingNow).executeUpdate();
        }
    }

    // ---- the municipality's §109 aftercare (qnet.referrals.v1)

    /** Her window opened at the move-out: counted in that month, with whether a handover was held before it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void aftercareOpened(AftercareWindowOpened e) {
        consented(e.referralId()).ifPresent(s -> {
            Counts.Cell cell = cell(s, e.movedOutOn());
            counts.add(Measures.AFTERCARE_OPENED, cell, 1);
            if (e.handoverBeforeMoveOut()) {
                counts.add(Measures.AFTERCARE_HANDOVER_BEFORE, cell, 1);
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void aftercareExtended(AftercareWindowExtended e) {
        consented(e.referralId()).ifPresent(s -> counts.add(Measures.AFTERCARE_EXTENDED, cell(s, e.extendedAt()), 1));
    }

    /** Her window closed: counted in the month of its last day, with the goals met in it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void aftercareClosed(AftercareWindowClosed e) {
        consented(e.referralId()).ifPresent(s -> {
            Counts.Cell cell = cell(s, e.endedOn());
            counts.add(Measures.AFTERCARE_CLOSED, cell, 1);
            if (e.goalsStillOpen()) {
                counts.add(Measures.AFTERCARE_CLOSED_OPEN, cell, 1);
            }
            int met = e.goals().stream().mapToInt(AftercareWindowClosed.DomainCount::met).sum();
            if (met > 0) {
                counts.add(Measures.AFTERCARE_GOALS_MET, cell, met);
            }
        });
    }

    /** Published totals stay as they are; what linked figures to her goes. A stock she was in is left. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erased(ReferralErased e) {
        byte[] key = pseudonyms.of("referral", e.referralId());
        Optional<Subject> found = subject(key);
        if (found.isEmpty()) {
            return;
        }
        Subject s = found.get();
        if (s.statistics() && s.waiting()) {
            counts.add(Measures.WAITING, cell(s, e.erasedAt()), -1);
        }
        em.createNativeQuery("delete from subject where subject_key = ?1").setParameter(1, key).executeUpdate();
        // Her matches still count, once, under a key that no longer points to her.
        byte[] unlinked = new byte[key.length];
        new java.security.SecureRandom().nextBytes(unlinked);
        if (em.createNativeQuery("update match_period set subject_key = ?2 where subject_key = ?1").setParameter(1, key)
                .setParameter(2, unlinked).executeUpdate() > 0) {
            changes.touch();
        }
    }

    // ---- qnet.matches.v1

    @Transactional(Transactional.TxType.MANDATORY)
    public void matchAccepted(MatchAccepted e) {
        Optional<Subject> found = consented(e.referralId());
        if (found.isEmpty()) {
            return;
        }
        Subject s = found.get();
        Counts.Cell cell = cell(s, e.at());
        em.createNativeQuery("insert into match_state (match_key, subject_key) values (?1, ?2) on conflict do nothing")
                .setParameter(1, pseudonyms.of("match", e.matchId())).setParameter(2, s.key()).executeUpdate();
        counts.add(Measures.MATCHES_ACCEPTED, cell, 1);
        if (!s.reached()) {
            counts.add(Measures.WOMEN_REACHED, cell, 1);
            counts.add(Measures.CHILDREN_REACHED, cell, s.children());
            counts.observe(Measures.DAYS_TO_MATCH, cell, (int) ChronoUnit.DAYS.between(s.receivedOn(), day(e.at())));
            em.createNativeQuery("update subject set reached = true where subject_key = ?1").setParameter(1, s.key()).executeUpdate();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void matchStarted(MatchStarted e) {
        Optional<Subject> found = consented(e.referralId());
        if (found.isEmpty()) {
            return;
        }
        int changed = em.createNativeQuery("update match_state set started = true where match_key = ?1 and not started")
                .setParameter(1, pseudonyms.of("match", e.matchId())).executeUpdate();
        if (changed == 1) {
            counts.add(Measures.MATCHES_ACTIVE, cell(found.get(), e.at()), 1);
        }
        Subject s = found.get();
        int periods = em.createNativeQuery("""
                insert into match_period (match_key, subject_key, volunteer_key, network_id, region_code, source, children, started_on)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict do nothing
                """).setParameter(1, pseudonyms.of("match", e.matchId())).setParameter(2, s.key())
                .setParameter(3, e.volunteerId() == null ? null : pseudonyms.of("volunteer", e.volunteerId()))
                .setParameter(4, s.networkId()).setParameter(5, s.regionCode()).setParameter(6, s.source())
                .setParameter(7, s.children()).setParameter(8, day(e.at())).executeUpdate();
        if (periods == 1) {
            changes.touch();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void meeting(MeetingLogged e) {
        consented(e.referralId()).ifPresent(s -> counts.add(Measures.MEETINGS,
                new Counts.Cell(YearMonth.from(e.heldOn()).atDay(1), s.networkId(), s.regionCode(), s.source()), 1));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void matchEnded(MatchEnded e) {
        Optional<Subject> found = consented(e.referralId());
        if (found.isEmpty()) {
            return;
        }
        Counts.Cell cell = cell(found.get(), e.at());
        counts.add(Measures.MATCHES_ENDED, cell, 1);
        if (e.early()) {
            counts.add(Measures.MATCHES_ENDED_EARLY, cell, 1);
        }
        counts.observe(Measures.MATCH_DAYS, cell, e.durationDays());
        byte[] match = pseudonyms.of("match", e.matchId());
        em.createNativeQuery("update match_period set ended_on = ?2 where match_key = ?1 and ended_on is null")
                .setParameter(1, match).setParameter(2, day(e.at())).executeUpdate();
        int wasActive = em.createNativeQuery("delete from match_state where match_key = ?1 and started").setParameter(1, match).executeUpdate();
        em.createNativeQuery("delete from match_state where match_key = ?1").setParameter(1, match).executeUpdate();
        if (wasActive == 1) {
            counts.add(Measures.MATCHES_ACTIVE, cell, -1);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void outcome(OutcomeRecorded e) {
        Optional<Subject> found = consented(e.referralId());
        if (found.isEmpty()) {
            return;
        }
        Subject s = found.get();
        Counts.Cell cell = cell(s, e.at());
        OutcomeRatings r = e.ratings();
        String prefix = Measures.OUTCOME + e.timepoint().name() + ".";
        List<String> dimensions = List.of("network", "community", "health", "economy", "housing", "jobEducation");
        int[] values = r.dimensions();
        for (int i = 0; i < values.length; i++) {
            counts.observe(prefix + dimensions.get(i), cell, values[i]);
        }
        counts.observe(prefix + "safety", cell, r.safety());
        int wellbeing = java.util.Arrays.stream(values).sum();
        if (e.timepoint() == OutcomeTimepoint.START) {
            em.createNativeQuery("update subject set start_safety = ?2, start_wellbeing = ?3 where subject_key = ?1")
                    .setParameter(1, s.key()).setParameter(2, r.safety()).setParameter(3, wellbeing).executeUpdate();
        } else if (e.timepoint() == OutcomeTimepoint.END && s.startSafety() != null) {
            counts.add(Measures.OUTCOMES_COMPARED, cell, 1);
            counts.add(Measures.SAFETY_IMPROVED, cell, r.safety() > s.startSafety() ? 1 : 0);
            // 0 is "no problem" and 4 "a complete problem": a lower sum is better.
            counts.add(Measures.WELLBEING_IMPROVED, cell, wellbeing < s.startWellbeing() ? 1 : 0);
        }
    }

    // ---- qnet.volunteers.v1, qnet.networks.v1, qnet.activities.v1

    @Transactional(Transactional.TxType.MANDATORY)
    public void volunteer(VolunteerStatusChanged e) {
        Counts.Cell cell = new Counts.Cell(month(e.at()), e.networkId(), regionOf(e.networkId(), null), Measures.NO_SOURCE);
        if (e.status() == VolunteerStatusChanged.Status.APPROVED && e.previousStatus() == VolunteerStatusChanged.Status.APPLIED) {
            counts.add(Measures.VOLUNTEERS_APPROVED, cell, 1);
        }
        int delta = (e.status() == VolunteerStatusChanged.Status.ACTIVE ? 1 : 0)
                - (e.previousStatus() == VolunteerStatusChanged.Status.ACTIVE ? 1 : 0);
        counts.add(Measures.VOLUNTEERS_ACTIVE, cell, delta);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void network(NetworkUpdated e) {
        String region = e.municipalityCodes().stream().map(Municipalities::regionOf).flatMap(Optional::stream).findFirst().orElse("UNKNOWN");
        @SuppressWarnings("unchecked")
        List<Boolean> before = em.createNativeQuery("select active from network where network_id = ?1 for update")
                .setParameter(1, e.networkId()).getResultList();
        boolean wasActive = !before.isEmpty() && before.get(0);
        em.createNativeQuery("""
                insert into network (network_id, region_code, active) values (?1, ?2, ?3)
                on conflict (network_id) do update set region_code = excluded.region_code, active = excluded.active
                """).setParameter(1, e.networkId()).setParameter(2, region).setParameter(3, e.active()).executeUpdate();
        // A network that moves region moves its figures, even when no count changes.
        changes.touch();
        LocalDate day = day(e.updatedAt());
        if (e.active() && !wasActive) {
            em.createNativeQuery("""
                    insert into network_period (network_id, region_code, active_from) values (?1, ?2, ?3) on conflict do nothing
                    """).setParameter(1, e.networkId()).setParameter(2, region).setParameter(3, day).executeUpdate();
        } else if (!e.active() && wasActive) {
            em.createNativeQuery("update network_period set active_until = ?2 where network_id = ?1 and active_until is null")
                    .setParameter(1, e.networkId()).setParameter(2, day).executeUpdate();
        }
        em.createNativeQuery("update network_period set region_code = ?2 where network_id = ?1").setParameter(1, e.networkId())
                .setParameter(2, region).executeUpdate();
        int delta = (e.active() ? 1 : 0) - (wasActive ? 1 : 0);
        counts.add(Measures.NETWORKS_ACTIVE, new Counts.Cell(month(e.updatedAt()), e.networkId(), region, Measures.NO_SOURCE), delta);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void activityHeld(ActivityHeld e) {
        Counts.Cell cell = new Counts.Cell(month(e.startsAt()), e.networkId(), regionOf(e.networkId(), null), Measures.NO_SOURCE);
        counts.add(Measures.ACTIVITIES_HELD, cell, 1);
        counts.add(Measures.ACTIVITY_WOMEN, cell, e.women());
        counts.add(Measures.ACTIVITY_CHILDREN, cell, e.children());
        counts.add(Measures.ACTIVITY_VOLUNTEERS, cell, e.volunteers());
    }

    /** A closed course: its sessions, the women and children who came, completions and drop-outs, under its theme. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void courseEnded(CourseEnded e) {
        Counts.Cell cell = new Counts.Cell(month(e.endedAt()), e.networkId(), regionOf(e.networkId(), null), e.theme().name());
        counts.add(Measures.COURSES_HELD, cell, e.sessionsHeld() > 0 ? 1 : 0);
        counts.add(Measures.COURSE_SESSIONS, cell, e.sessionsHeld());
        counts.add(Measures.COURSE_WOMEN, cell, e.women());
        counts.add(Measures.COURSE_CHILDREN, cell, e.children());
        counts.add(Measures.COURSE_COMPLETED, cell, e.completed());
        counts.add(Measures.COURSE_DROPPED_OUT, cell, e.droppedOut());
    }

    // ---- helpers

    private Optional<Subject> consented(java.util.UUID referralId) {
        return subject(pseudonyms.of("referral", referralId)).filter(Subject::statistics);
    }

    private Optional<Subject> subject(byte[] key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select subject_key, statistics, network_id, region_code, source, children, received_on, waiting, reached,
                       start_safety, start_wellbeing
                from subject where subject_key = ?1 for update
                """).setParameter(1, key).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        return Optional.of(new Subject((byte[]) r[0], (Boolean) r[1], (String) r[2], (String) r[3], (String) r[4],
                ((Number) r[5]).intValue(), dk.qnet.platform.persistence.SqlValues.localDate(r[6]), (Boolean) r[7], (Boolean) r[8],
                r[9] == null ? null : ((Number) r[9]).intValue(), r[10] == null ? null : ((Number) r[10]).intValue()));
    }

    /** A network's region as published on qnet.networks.v1; until then, the municipality's. */
    private String regionOf(String networkId, String municipalityCode) {
        @SuppressWarnings("unchecked")
        List<String> known = em.createNativeQuery("select region_code from network where network_id = ?1").setParameter(1, networkId)
                .getResultList();
        if (!known.isEmpty()) {
            return known.get(0);
        }
        return municipalityCode == null ? "UNKNOWN" : Municipalities.regionOf(municipalityCode).orElse("UNKNOWN");
    }

    private Counts.Cell cell(Subject s, LocalDate day) {
        return new Counts.Cell(YearMonth.from(day).atDay(1), s.networkId(), s.regionCode(), s.source());
    }

    private Counts.Cell cell(Subject s, Instant at) {
        return new Counts.Cell(month(at), s.networkId(), s.regionCode(), s.source());
    }

    private LocalDate month(Instant at) {
        return YearMonth.from(at.atZone(zone)).atDay(1);
    }

    private LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }
}
