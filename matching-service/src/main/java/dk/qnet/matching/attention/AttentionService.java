package dk.qnet.matching.attention;

import dk.qnet.contracts.network.NetworkIds;
import dk.qnet.matching.engine.PairScorer;
import dk.qnet.matching.volunteer.Volunteer;
import dk.qnet.platform.persistence.SqlValues;
import dk.qnet.platform.time.SuiteClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What needs a coordinator's attention in her network today: matches without a meeting for 21
 * days, women waiting over 14 days without a proposal, certificates that expire within 30 days
 * (or have expired, with the matches that are flagged for it), and offers unanswered for 7 days.
 */
@ApplicationScoped
public class AttentionService {

    public static final int NO_MEETING_DAYS = 21;
    public static final int LONG_WAIT_DAYS = 14;
    public static final int CERTIFICATE_WARNING_DAYS = 30;
    public static final int UNANSWERED_OFFER_DAYS = 7;

    /** Each list holds at most {@link #MAX_ITEMS}, the most urgent (oldest) first. */
    public record Attention(@Schema(maxLength = NetworkIds.MAX_LENGTH) String networkId, LocalDate asOf,
                            @Schema(maxItems = MAX_ITEMS) List<QuietMatch> noRecentMeeting,
                            @Schema(maxItems = MAX_ITEMS) List<LongWait> longWaits,
                            @Schema(maxItems = MAX_ITEMS) List<Certificate> certificates,
                            @Schema(maxItems = MAX_ITEMS) List<UnansweredOffer> unansweredOffers) {
    }

    public static final int MAX_ITEMS = 200;
    /** A match's or a referral's status, as its enum names it (the longest is WAITLISTED). */
    static final int STATUS_LENGTH = 20;

    /** @param since the last meeting, or the acceptance when none has been held yet */
    public record QuietMatch(UUID matchId, UUID volunteerId, @Schema(maxLength = Volunteer.MAX_FIRST_NAME) String volunteerFirstName,
                             @Schema(maxLength = STATUS_LENGTH) String status, LocalDate since,
                             @Schema(minimum = "0", maximum = "" + Long.MAX_VALUE) long days) {
    }

    public record LongWait(UUID referralId, @Schema(maxLength = STATUS_LENGTH) String status, Instant waitingSince,
                           @Schema(minimum = "0", maximum = "" + Long.MAX_VALUE) long days, boolean waitlistPriority) {
    }

    /**
     * @param flaggedMatches open matches with a woman who has a child under 15, while the
     *                       certificate has expired: flagged, not broken
     */
    public record Certificate(UUID volunteerId, @Schema(maxLength = Volunteer.MAX_FIRST_NAME) String volunteerFirstName, LocalDate validUntil,
                              @Schema(minimum = "" + Long.MIN_VALUE, maximum = "" + Long.MAX_VALUE, description = "Negative once expired.") long daysLeft,
                              boolean expired, @Schema(maxItems = Volunteer.MAX_CAPACITY) List<UUID> flaggedMatches) {
    }

    public record UnansweredOffer(UUID matchId, UUID volunteerId, @Schema(maxLength = Volunteer.MAX_FIRST_NAME) String volunteerFirstName,
                                  Instant offeredAt, @Schema(minimum = "0", maximum = "" + Long.MAX_VALUE) long days) {
    }

    private final EntityManager em;
    private final SuiteClock clock;

    public AttentionService(EntityManager em, SuiteClock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public Attention forNetwork(String networkId) {
        LocalDate today = clock.today();
        Instant now = clock.now();
        return new Attention(networkId, today, quietMatches(networkId, today), longWaits(networkId, now),
                certificates(networkId, today), unansweredOffers(networkId, now));
    }

    private List<QuietMatch> quietMatches(String networkId, LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select m.id, m.volunteer_id, v.first_name, m.status,
                       coalesce(m.last_meeting_on, (m.accepted_at at time zone 'Europe/Copenhagen')::date) as since
                from match m join volunteer v on v.id = m.volunteer_id
                where m.network_id = ?1 and m.status in ('ACCEPTED', 'ACTIVE')
                  and coalesce(m.last_meeting_on, (m.accepted_at at time zone 'Europe/Copenhagen')::date) <= ?2
                order by since, m.id
                """).setParameter(1, networkId).setParameter(2, today.minusDays(NO_MEETING_DAYS)).setMaxResults(MAX_ITEMS).getResultList();
        return rows.stream().map(r -> {
            LocalDate since = SqlValues.localDate(r[4]);
            return new QuietMatch((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], since, ChronoUnit.DAYS.between(since, today));
        }).toList();
    }

    private List<LongWait> longWaits(String networkId, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select w.referral_id, w.status, w.waiting_since, w.waitlist_priority from waiting_referral w
                where w.network_id = ?1 and w.status in ('WAITING', 'READY') and w.waiting_since <= ?2
                  and not exists (select 1 from proposal p where p.referral_id = w.referral_id and p.status = 'PROPOSED')
                order by w.waiting_since, w.referral_id
                """).setParameter(1, networkId).setParameter(2, now.minus(Duration.ofDays(LONG_WAIT_DAYS))).setMaxResults(MAX_ITEMS).getResultList();
        return rows.stream().map(r -> {
            Instant since = SqlValues.instant(r[2]);
            return new LongWait((UUID) r[0], (String) r[1], since, Duration.between(since, now).toDays(), (Boolean) r[3]);
        }).toList();
    }

    private List<Certificate> certificates(String networkId, LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> volunteers = em.createNativeQuery("""
                select id, first_name, certificate_valid_until from volunteer
                where network_id = ?1 and status <> 'INACTIVE' and certificate_valid_until is not null
                  and certificate_valid_until <= ?2
                order by certificate_valid_until, id
                """).setParameter(1, networkId).setParameter(2, today.plusDays(CERTIFICATE_WARNING_DAYS)).setMaxResults(MAX_ITEMS).getResultList();
        if (volunteers.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<UUID>> flagged = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> open = em.createNativeQuery("""
                select m.volunteer_id, m.id, cast(w.children_birth_years as text) from match m
                join waiting_referral w on w.referral_id = m.referral_id
                where m.network_id = ?1 and m.status in ('OFFERED', 'ACCEPTED', 'ACTIVE') order by m.offered_at, m.id
                """).setParameter(1, networkId).getResultList();
        for (Object[] r : open) {
            if (hasChildUnderCertificateAge((String) r[2], today)) {
                flagged.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add((UUID) r[1]);
            }
        }
        return volunteers.stream().map(r -> {
            LocalDate validUntil = SqlValues.localDate(r[2]);
            boolean expired = validUntil.isBefore(today);
            return new Certificate((UUID) r[0], (String) r[1], validUntil, ChronoUnit.DAYS.between(today, validUntil), expired,
                    expired ? List.copyOf(flagged.getOrDefault((UUID) r[0], List.of())) : List.of());
        }).toList();
    }

    private List<UnansweredOffer> unansweredOffers(String networkId, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select m.id, m.volunteer_id, v.first_name, m.offered_at from match m join volunteer v on v.id = m.volunteer_id
                where m.network_id = ?1 and m.status = 'OFFERED' and m.offered_at <= ?2 order by m.offered_at, m.id
                """).setParameter(1, networkId).setParameter(2, now.minus(Duration.ofDays(UNANSWERED_OFFER_DAYS))).setMaxResults(MAX_ITEMS).getResultList();
        return rows.stream().map(r -> {
            Instant offered = SqlValues.instant(r[3]);
            return new UnansweredOffer((UUID) r[0], (UUID) r[1], (String) r[2], offered, Duration.between(offered, now).toDays());
        }).toList();
    }

    /** The birth years as stored (a JSON array of numbers). */
    static boolean hasChildUnderCertificateAge(String birthYearsJson, LocalDate today) {
        if (birthYearsJson == null) {
            return false;
        }
        String digits = birthYearsJson.replaceAll("[\\[\\]\\s]", "");
        if (digits.isEmpty()) {
            return false;
        }
        for (String year : digits.split(",")) {
            if (today.getYear() - Integer.parseInt(year) < PairScorer.CERTIFICATE_AGE) {
                return true;
            }
        }
        return false;
    }
}
