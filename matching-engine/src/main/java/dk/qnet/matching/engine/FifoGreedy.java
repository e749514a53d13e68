package dk.qnet.matching.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The baseline the engine must beat, and how matching is done by hand today: first come, first
 * matched, each woman in turn to the best volunteer still free. It keeps the same hard
 * constraints; only the order of decisions differs.
 */
public final class FifoGreedy {

    private final PairScorer scorer;

    public FifoGreedy(EngineSettings settings) {
        this.scorer = new PairScorer(settings);
    }

    public List<MatchingEngine.Proposal> propose(List<Candidate> candidates, List<VolunteerProfile> volunteers) {
        List<Candidate> women = candidates.stream()
                .sorted(Comparator.comparing(Candidate::waitingSince).thenComparing(Candidate::referralId)).toList();
        List<VolunteerProfile> ordered = volunteers.stream().sorted(Comparator.comparing(VolunteerProfile::volunteerId)).toList();
        Map<UUID, Integer> used = new HashMap<>();
        List<MatchingEngine.Proposal> proposals = new ArrayList<>();
        for (Candidate woman : women) {
            VolunteerProfile best = null;
            int bestScore = 0;
            for (VolunteerProfile v : ordered) {
                if (used.getOrDefault(v.volunteerId(), 0) >= v.freeCapacity()) {
                    continue;
                }
                int score = scorer.score(woman, v);
                if (score > bestScore) {
                    best = v;
                    bestScore = score;
                }
            }
            if (best != null) {
                used.merge(best.volunteerId(), 1, Integer::sum);
                proposals.add(new MatchingEngine.Proposal(woman.referralId(), best.volunteerId(), scorer.explain(woman, best)));
            }
        }
        return proposals;
    }
}
