package dk.qnet.matching.proposal;

import dk.qnet.contracts.Municipalities;
import dk.qnet.contracts.match.MatchProposed;
import dk.qnet.contracts.referral.MatchingProfile;
import dk.qnet.matching.MatchingConfig;
import dk.qnet.matching.MatchingDue;
import dk.qnet.matching.engine.Candidate;
import dk.qnet.matching.engine.EngineSettings;
import dk.qnet.matching.engine.Explanation;
import dk.qnet.matching.engine.MatchingEngine;
import dk.qnet.matching.engine.PairScorer;
import dk.qnet.matching.engine.VolunteerProfile;
import dk.qnet.matching.match.ExcludedPairs;
import dk.qnet.matching.match.MatchRepository;
import dk.qnet.matching.network.NetworkRepository;
import dk.qnet.matching.volunteer.Volunteer;
import dk.qnet.matching.volunteer.VolunteerRepository;
import dk.qnet.matching.waiting.WaitingReferral;
import dk.qnet.matching.waiting.WaitingReferralRepository;
import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.outbox.Outbox;
import dk.qnet.platform.problem.ProblemException;
import dk.qnet.platform.time.SuiteClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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
                               Explanation explanation, ProposalStatus status, Instant createdAt) {

        static ProposalView of(Proposal p, String volunteerFirstName) {
            return new ProposalView(p.id(), p.referralId(), p.volunteerId(), volunteerFirstName, p.score(), p.explanation(), p.status(),
                    p.createdAt());
        }
    }

    private final NetworkRepository networks;
    private final VolunteerRepository volunteers;
    private final ProposalRepository proposals;
    private final WaitingReferralRepository pool;
    private final MatchRepository matches;
    private final ExcludedPairs excluded;
    private final Outbox outbox;
    private final MatchingDue due;
    private final MatchingConfig config;
    private final SuiteClock clock;

    public MatchingRunService(NetworkRepository networks, VolunteerRepository volunteers, ProposalRepository proposals, WaitingReferralRepository pool, MatchRepository matches,
                              ExcludedPairs excluded, Outbox outbox, MatchingDue due, MatchingConfig config, SuiteClock clock) {
        this.networks = networks;
        this.volunteers = volunteers;
        this.proposals = proposals;
        this.pool = pool;
        this.matches = matches;
        this.excluded = excluded;
        this.outbox = outbox;
        this.due = due;
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
        due.lockRunOf(networkId);
        List<WaitingReferral> women = pool.readyIn(networkId);
        Set<String> regions = new HashSet<>();
        women.forEach(w -> regions.add(region(w.municipalityCode)));
        networks.municipalitiesOf(networkId).forEach(m -> regions.add(region(m)));
        List<String> regionMunicipalities = Municipalities.all().keySet().stream()
                .filter(code -> regions.contains(region(code))).sorted().toList();
        List<Volunteer> volunteers = women.isEmpty() ? List.of() : this.volunteers.availableFor(networkId, regionMunicipalities);

        Map<UUID, Set<UUID>> excludedPairs = excluded.volunteersExcludedFor(women.stream().map(w -> w.referralId).toList());
        Map<UUID, Integer> load = matches.openCountsByVolunteer();

        MatchingEngine engine = new MatchingEngine(settings());
        List<MatchingEngine.Proposal> proposed = engine.propose(
                women.stream().map(w -> candidate(w, excludedPairs.getOrDefault(w.referralId, Set.of()))).toList(),
                volunteers.stream().map(v -> profile(v, load.getOrDefault(v.id, 0))).toList());

        Map<List<UUID>, Proposal> previous = new HashMap<>();
        proposals.openIn(networkId).forEach(p -> previous.put(List.of(p.referralId(), p.volunteerId()), p));
        Instant now = clock.now();
        for (MatchingEngine.Proposal p : proposed) {
            Proposal kept = previous.remove(List.of(p.referralId(), p.volunteerId()));
            if (kept != null) {
                kept.rescore(p.explanation());
                continue;
            }
            Proposal fresh = Proposal.propose(networkId, p.referralId(), p.volunteerId(), p.explanation(), now);
            proposals.persist(fresh);
            outbox.append(p.referralId().toString(),
                    new MatchProposed(fresh.id(), p.referralId(), networkId, p.volunteerId(), p.explanation().score(), now));
        }
        proposals.dropAll(previous.values());
        due.done(networkId);
        return proposed.size();
    }

    /**
     * The pair checked again as things stand now, at approval: since the run, the volunteer may
     * have been paused, filled up through another network's approval, or her certificate lapsed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Explanation recheck(WaitingReferral woman, Volunteer volunteer) {
        return new PairScorer(settings()).explain(candidate(woman, excluded.volunteersExcludedFor(woman.referralId)),
                profile(volunteer, matches.openCountOf(volunteer.id)));
    }

    private EngineSettings settings() {
        return EngineSettings.defaults(clock.today())
                .with(config.neighbourPenalty(), config.waitlistPriority());
    }

    @Transactional
    public List<ProposalView> list(String networkId, CallerIdentity caller) {
        requireOwn(networkId, caller);
        return proposals.openNamedIn(networkId).stream().map(n -> ProposalView.of(n.proposal(), n.volunteerFirstName())).toList();
    }

    /** 404 unless the network exists and the caller is its coordinator or an admin. */
    @Transactional
    public void requireOwn(String networkId, CallerIdentity caller) {
        if (!networks.exists(networkId) || !caller.managesNetwork(networkId)) {
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
