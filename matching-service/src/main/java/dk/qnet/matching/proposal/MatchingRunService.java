package dk.qnet.matching.proposal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.qnet.contracts.Municipalities;
import dk.qnet.contracts.match.MatchProposed;
import dk.qnet.contracts.referral.MatchingProfile;
import dk.qnet.matching.MatchingConfig;
import dk.qnet.matching.engine.Candidate;
import dk.qnet.matching.engine.EngineSettings;
import dk.qnet.matching.engine.Explanation;
import dk.qnet.matching.engine.MatchingEngine;
import dk.qnet.matching.engine.PairScorer;
import dk.qnet.matching.engine.VolunteerProfile;
import dk.qnet.matching.volunteer.Volunteer;
import dk.qnet.matching.waiting.WaitingReferral;
import dk.qnet.matching.waiting.WaitingReferralService;
import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.outbox.Outbox;
import dk.qnet.platform.problem.ProblemException;
import dk.qnet.platform.time.SuiteClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A matching run for one network: its accepted, unmatched women against the volunteers of the
 * network and of its neighbours in the same region. The new proposals replace the open ones.
 */
@ApplicationScoped
public class MatchingRunService {

    public record ProposalView(UUID id, UUID referralId, UUID volunteerId, @Schema(maxLength = Volunteer.MAX_FIRST_NAME) String volunteerFirstName,
                               @Schema(minimum = "" + Integer.MIN_VALUE, maximum = "" + Integer.MAX_VALUE) int score,
                               Explanation explanation, @Schema(maxLength = 20, description = "PROPOSED, APPROVED or SUPERSEDED.") String status,
                               Instant createdAt) {
    }

    private final EntityManager em;
    private final ObjectMapper json;
    private final Outbox outbox;
    private final MatchingConfig config;
    private final SuiteClock clock;

    public MatchingRunService(EntityManager em, ObjectMapper json, Outbox outbox, MatchingConfig config, SuiteClock clock) {
        this.em = em;
        this.json = json;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public List<ProposalView> run(String networkId, CallerIdentity caller) {
        requireOwn(networkId, caller);
        runFor(networkId);
        return list(networkId, caller);
    }

    /**
     * One run for a network, serialised per network across instances. A pair proposed again keeps
     * its proposal id (a coordinator may be about to approve it); a new pair is published as
     * {@code MatchProposed}; proposals no longer in the optimum go.
     *
     * @return how many proposals are open after the run
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int runFor(String networkId) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(?1))) locked")
                .setParameter(1, "matching-run:" + networkId).getResultList();
        List<WaitingReferral> women = em.createQuery("from WaitingReferral where networkId = :n and status = :s", WaitingReferral.class)
                .setParameter("n", networkId).setParameter("s", WaitingReferralService.READY).getResultList();
        Set<String> regions = new HashSet<>();
        women.forEach(w -> regions.add(region(w.municipalityCode)));
        @SuppressWarnings("unchecked")
        List<String> networkMunicipalities = em.createNativeQuery("select municipality_code from network_municipality where network_id = ?1")
                .setParameter(1, networkId).getResultList();
        networkMunicipalities.forEach(m -> regions.add(region(m)));
        List<String> regionMunicipalities = Municipalities.all().keySet().stream()
                .filter(code -> regions.contains(region(code))).sorted().toList();
        List<Volunteer> volunteers = women.isEmpty() ? List.of() : em.createQuery("""
                        from Volunteer where status in (:statuses) and (networkId = :n or municipalityCode in (:codes))
                        """, Volunteer.class)
                .setParameter("statuses", List.of(VolunteerProfile.Status.APPROVED, VolunteerProfile.Status.ACTIVE))
                .setParameter("n", networkId).setParameter("codes", regionMunicipalities).getResultList();

        List<UUID> womenIds = women.stream().map(w -> w.referralId).toList();
        Map<UUID, Set<UUID>> excluded = new HashMap<>();
        if (!womenIds.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> pairs = em.createNativeQuery("select referral_id, volunteer_id from excluded_pair where referral_id = any(?1)")
                    .setParameter(1, womenIds.toArray(UUID[]::new)).getResultList();
            pairs.forEach(p -> excluded.computeIfAbsent((UUID) p[0], k -> new HashSet<>()).add((UUID) p[1]));
        }
        Map<UUID, Integer> load = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> open = em.createNativeQuery(
                "select volunteer_id, count(*) from match where status in ('OFFERED', 'ACCEPTED', 'ACTIVE') group by volunteer_id").getResultList();
        open.forEach(o -> load.put((UUID) o[0], ((Number) o[1]).intValue()));

        MatchingEngine engine = new MatchingEngine(settings());
        List<MatchingEngine.Proposal> proposals = engine.propose(
                women.stream().map(w -> candidate(w, excluded.getOrDefault(w.referralId, Set.of()))).toList(),
                volunteers.stream().map(v -> profile(v, load.getOrDefault(v.id, 0))).toList());

        Map<List<UUID>, UUID> previous = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> existing = em.createNativeQuery(
                "select referral_id, volunteer_id, id from proposal where network_id = ?1 and status = 'PROPOSED'")
                .setParameter(1, networkId).getResultList();
        existing.forEach(r -> previous.put(List.of((UUID) r[0], (UUID) r[1]), (UUID) r[2]));
        Instant now = clock.now();
        for (MatchingEngine.Proposal p : proposals) {
            UUID kept = previous.remove(List.of(p.referralId(), p.volunteerId()));
            String explanation = write(p.explanation());
            if (kept != null) {
                em.createNativeQuery("update proposal set score = ?2, explanation = cast(?3 as jsonb) where id = ?1")
                        .setParameter(1, kept).setParameter(2, p.explanation().score()).setParameter(3, explanation).executeUpdate();
                continue;
            }
            UUID id = UUID.randomUUID();
            em.createNativeQuery("""
                    insert into proposal (id, network_id, referral_id, volunteer_id, score, explanation, status, created_at)
                    values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), 'PROPOSED', ?7)
                    """)
                    .setParameter(1, id).setParameter(2, networkId).setParameter(3, p.referralId())
                    .setParameter(4, p.volunteerId()).setParameter(5, p.explanation().score())
                    .setParameter(6, explanation).setParameter(7, now).executeUpdate();
            outbox.append(p.referralId().toString(),
                    new MatchProposed(id, p.referralId(), networkId, p.volunteerId(), p.explanation().score(), now));
        }
        if (!previous.isEmpty()) {
            em.createNativeQuery("delete from proposal where id = any(?1)").setParameter(1, previous.values().toArray(UUID[]::new))
                    .executeUpdate();
        }
        em.createNativeQuery("delete from matching_due where network_id = ?1").setParameter(1, networkId).executeUpdate();
        return proposals.size();
    }

    /**
     * The pair checked again as things stand now, at approval: since the run, the volunteer may
     * have been paused, filled up through another network's approval, or her certificate lapsed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Explanation recheck(WaitingReferral woman, Volunteer volunteer) {
        @SuppressWarnings("unchecked")
        List<UUID> excluded = em.createNativeQuery("select volunteer_id from excluded_pair where referral_id = ?1")
                .setParameter(1, woman.referralId).getResultList();
        int open = ((Number) em.createNativeQuery(
                "select count(*) from match where volunteer_id = ?1 and status in ('OFFERED', 'ACCEPTED', 'ACTIVE')")
                .setParameter(1, volunteer.id).getSingleResult()).intValue();
        return new PairScorer(settings()).explain(candidate(woman, Set.copyOf(excluded)), profile(volunteer, open));
    }

    private EngineSettings settings() {
        return EngineSettings.defaults(clock.today())
                .with(config.neighbourPenalty(), config.waitlistPriority());
    }

    private String write(Explanation explanation) {
        try {
            return json.writeValueAsString(explanation);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public List<ProposalView> list(String networkId, CallerIdentity caller) {
        requireOwn(networkId, caller);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select p.id, p.referral_id, p.volunteer_id, v.first_name, p.score, cast(p.explanation as text), p.status, p.created_at
                from proposal p join volunteer v on v.id = p.volunteer_id
                where p.network_id = ?1 and p.status = 'PROPOSED' order by p.score desc, p.referral_id
                """).setParameter(1, networkId).getResultList();
        return rows.stream().map(r -> {
            try {
                return new ProposalView((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3], ((Number) r[4]).intValue(),
                        json.readValue((String) r[5], Explanation.class), (String) r[6], dk.qnet.platform.persistence.SqlValues.instant(r[7]));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** 404 unless the network exists and the caller is its coordinator or an admin. */
    @Transactional
    public void requireOwn(String networkId, CallerIdentity caller) {
        boolean known = !em.createNativeQuery("select 1 from network where network_id = ?1").setParameter(1, networkId).getResultList().isEmpty();
        if (!known || !caller.managesNetwork(networkId)) {
            throw ProblemException.notFound();
        }
    }

    static Candidate candidate(WaitingReferral w, Set<UUID> excludedVolunteers) {
        MatchingProfile m = w.matching == null ? new MatchingProfile(null, null, null, null, null) : w.matching;
        return new Candidate(w.referralId, w.networkId, w.municipalityCode, w.childrenBirthYears, Set.copyOf(m.languages()),
                Set.copyOf(m.availability()), Set.copyOf(m.interests()), m.volunteerAgeBand(), w.waitingSince,
                w.waitlistPriority, excludedVolunteers);
    }

    static VolunteerProfile profile(Volunteer v, int openMatches) {
        return new VolunteerProfile(v.id, v.networkId, v.municipalityCode, v.status, Set.copyOf(v.languages),
                Set.copyOf(v.availability), Set.copyOf(v.interests), v.ageBand, Math.max(0, v.capacity - openMatches),
                v.certificateValidUntil);
    }

    private static String region(String municipalityCode) {
        return Municipalities.regionOf(municipalityCode).orElse("?");
    }
}
