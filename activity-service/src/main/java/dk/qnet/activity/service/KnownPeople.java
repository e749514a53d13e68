package dk.qnet.activity.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.qnet.contracts.referral.ConsentScope;
import dk.qnet.contracts.referral.ReferralReceived;
import dk.qnet.contracts.referral.ReferralStatusChanged;
import dk.qnet.contracts.volunteer.VolunteerStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The referrals and volunteers this service knows from qnet.referrals.v1 and qnet.volunteers.v1,
 * and whether one may be registered for an activity of a network.
 */
@ApplicationScoped
public class KnownPeople {

    /** A woman takes part once her network has taken her on, until her referral ends. */
    static final Set<String> REGISTRABLE_REFERRAL = Set.of("ACCEPTED", "WAITLISTED", "MATCHED", "ACTIVE", "COMPLETED");
    /** A volunteer once approved (trained), also while paused from matching; not before, not after leaving. */
    static final Set<String> REGISTRABLE_VOLUNTEER = Set.of("APPROVED", "ACTIVE", "PAUSED");

    private final EntityManager em;

    public KnownPeople(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void received(ReferralReceived r) {
        em.createNativeQuery("""
                insert into known_referral (referral_id, network_id, status, contact_allowed, updated_at, languages, children_birth_years)
                values (?1, ?2, 'RECEIVED', ?3, ?4, cast(?5 as jsonb), cast(?6 as jsonb))
                on conflict (referral_id) do update set network_id = excluded.network_id, contact_allowed = excluded.contact_allowed,
                    languages = excluded.languages, children_birth_years = excluded.children_birth_years
                """).setParameter(1, r.referralId()).setParameter(2, r.networkId())
                .setParameter(3, r.consentScopes() != null && r.consentScopes().contains(ConsentScope.QNET_CONTACT))
                .setParameter(4, r.receivedAt()).setParameter(5, json(r.matching().languages()))
                .setParameter(6, json(r.childrenBirthYears())).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(ReferralStatusChanged c) {
        // The newest change wins; one arriving late changes nothing.
        em.createNativeQuery("""
                insert into known_referral (referral_id, network_id, status, contact_allowed, updated_at) values (?1, ?2, ?3, false, ?4)
                on conflict (referral_id) do update set network_id = coalesce(excluded.network_id, known_referral.network_id),
                    status = excluded.status, updated_at = excluded.updated_at
                where known_referral.updated_at <= excluded.updated_at
                """).setParameter(1, c.referralId()).setParameter(2, c.networkId()).setParameter(3, c.status().name())
                .setParameter(4, c.changedAt()).executeUpdate();
    }

    /** What a course's criteria are checked against: her languages and her children's birth years, as her referral's event carried them. */
    public record CourseProfile(List<String> languages, List<Integer> childrenBirthYears) {
    }

    /** Her languages and children's birth years, if she may take part in the network's courses (as in its activities). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<CourseProfile> courseProfile(UUID referralId, String networkId) {
        if (!mayRegisterReferral(referralId, networkId)) {
            return Optional.empty();
        }
        Object[] row = (Object[]) em.createNativeQuery("select cast(languages as text), cast(children_birth_years as text) from known_referral where referral_id = ?1")
                .setParameter(1, referralId).getSingleResult();
        try {
            return Optional.of(new CourseProfile(
                    List.of(JSON.readValue((String) row[0], String[].class)), List.of(JSON.readValue((String) row[1], Integer[].class))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("known_referral holds a list that is not JSON", e);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String json(List<?> values) {
        try {
            return JSON.writeValueAsString(values == null ? List.of() : values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void erased(UUID referralId) {
        em.createNativeQuery("delete from known_referral where referral_id = ?1").setParameter(1, referralId).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void volunteer(VolunteerStatusChanged v) {
        em.createNativeQuery("""
                insert into known_volunteer (volunteer_id, network_id, status, updated_at) values (?1, ?2, ?3, ?4)
                on conflict (volunteer_id) do update set network_id = excluded.network_id, status = excluded.status, updated_at = excluded.updated_at
                where known_volunteer.updated_at <= excluded.updated_at
                """).setParameter(1, v.volunteerId()).setParameter(2, v.networkId()).setParameter(3, v.status().name())
                .setParameter(4, v.at()).executeUpdate();
    }

    /** Whether the referral is known, of this network, may be contacted and is in a status that allows taking part. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean mayRegisterReferral(UUID referralId, String networkId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select network_id, status, contact_allowed from known_referral where referral_id = ?1")
                .setParameter(1, referralId).getResultList();
        return !rows.isEmpty() && networkId.equals(rows.get(0)[0]) && REGISTRABLE_REFERRAL.contains((String) rows.get(0)[1])
                && Boolean.TRUE.equals(rows.get(0)[2]);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean mayRegisterVolunteer(UUID volunteerId, String networkId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select network_id, status from known_volunteer where volunteer_id = ?1")
                .setParameter(1, volunteerId).getResultList();
        return !rows.isEmpty() && networkId.equals(rows.get(0)[0]) && REGISTRABLE_VOLUNTEER.contains((String) rows.get(0)[1]);
    }
}
