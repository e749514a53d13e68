package dk.qnet.matching.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Proposes volunteers for waiting women so that the total score of the whole batch is as high as
 * it can be, never breaking a hard constraint. A volunteer with room for k women appears as k
 * places. Every woman may also stay unmatched (a zero-score place of her own), so an infeasible
 * pair never beats leaving her waiting. Inputs are sorted by id first: equal inputs, equal output.
 */
public final class MatchingEngine {

    /** One proposal, with the reasons a coordinator reads. */
    public record Proposal(UUID referralId, UUID volunteerId, Explanation explanation) {
    }

    private static final long INFEASIBLE = 1_000_000_000L;

    private final PairScorer scorer;

    public MatchingEngine(EngineSettings settings) {
        this.scorer = new PairScorer(settings);
    }

    public List<Proposal> propose(List<Candidate> candidates, List<VolunteerProfile> volunteers) {
        List<Candidate> women = candidates.stream().sorted(Comparator.comparing(Candidate::referralId)).toList();
        List<VolunteerProfile> places = new ArrayList<>();
        volunteers.stream().sorted(Comparator.comparing(VolunteerProfile::volunteerId))
                .forEach(v -> {
                    for (int k = 0; k < v.freeCapacity(); k++) {
                        places.add(v);
                    }
                });
        int n = women.size();
        int m = places.size();
        if (n == 0 || m == 0) {
            return List.of();
        }
        int size = n + m;
        long[][] cost = new long[size][size];
        Explanation[][] explained = new Explanation[n][m];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                if (i < n && j < m) {
                    Explanation e = scorer.explain(women.get(i), places.get(j));
                    explained[i][j] = e;
                    cost[i][j] = e.feasible() ? -e.score() : INFEASIBLE;
                } else if (i < n) {
                    // Her own "stay waiting" place costs nothing; anyone else's is forbidden.
                    cost[i][j] = j - m == i ? 0 : INFEASIBLE;
                } else {
                    cost[i][j] = 0;
                }
            }
        }
        int[] assignment = Hungarian.minimiseCost(cost);
        List<Proposal> proposals = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int j = assignment[i];
            if (j < m && explained[i][j].feasible()) {
                proposals.add(new Proposal(women.get(i).referralId(), places.get(j).volunteerId(), explained[i][j]));
            }
        }
        return proposals;
    }

    /** The sum of the scores of a set of proposals: what the engine maximises. */
    public static long totalScore(List<Proposal> proposals) {
        return proposals.stream().mapToLong(p -> p.explanation().score()).sum();
    }

    public PairScorer scorer() {
        return scorer;
    }
}
