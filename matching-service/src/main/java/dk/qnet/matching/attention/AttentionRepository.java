package dk.qnet.matching.attention;

import static dk.qnet.matching.attention.AttentionService.CERTIFICATE_WARNING_DAYS;
import static dk.qnet.matching.attention.AttentionService.LONG_WAIT_DAYS;
import static dk.qnet.matching.attention.AttentionService.MAX_ITEMS;
import static dk.qnet.matching.attention.AttentionService.NO_MEETING_DAYS;
import static dk.qnet.matching.attention.AttentionService.UNANSWERED_OFFER_DAYS;

import dk.qnet.matching.attention.AttentionService.Certificate;
import dk.qnet.matching.attention.AttentionService.LongWait;
import dk.qnet.matching.attention.AttentionService.QuietMatch;
import dk.qnet.matching.attention.AttentionService.UnansweredOffer;
import dk.qnet.platform.persistence.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The attention lists' queries: read-only joins across matches, the pool, proposals and
 * volunteers, with the Danish calendar date of an instant worked out by PostgreSQL. Each list
 * holds at most {@link AttentionService#MAX_ITEMS}, the most urgent first.
 */
@ApplicationScoped
public class AttentionRepository {

    private final EntityManager em;

    public AttentionRepository(EntityManager em) {
        this.em = em;
    }

    List<QuietMatch> quietMatches(String networkId, LocalDate today) {
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

    List<LongWait> longWaits(String networkId, Instant now) {
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

    List<Certificate> certificates(String networkId, LocalDate today) {
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
            if (AttentionService.hasChildUnderCertificateAge((String) r[2], today)) {
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

    List<UnansweredOffer> unansweredOffers(String networkId, Instant now) {
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
}
