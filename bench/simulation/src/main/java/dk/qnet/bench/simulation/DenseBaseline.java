package dk.qnet.bench.simulation;

import dk.qnet.matching.engine.Candidate;
import dk.qnet.matching.engine.Hungarian;
import dk.qnet.matching.engine.PairScorer;
import dk.qnet.matching.engine.VolunteerProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The engine as it solved a batch before the sparse solver, kept here as the baseline of the
 * national-batch benchmark: every woman scored against every place of her part (a volunteer with
 * room for k women as k places) and the dense Hungarian method on that matrix. Returns the total
 * score only.
 */
final class DenseBaseline {

    private DenseBaseline() {
    }

    static long totalScore(PairScorer scorer, List<Candidate> candidates, List<VolunteerProfile> volunteers) {
        List<Candidate> women = candidates.stream().sorted(Comparator.comparing(Candidate::referralId)).toList();
        List<VolunteerProfile> places = new ArrayList<>();
        volunteers.stream().sorted(Comparator.comparing(VolunteerProfile::volunteerId)).forEach(v -> {
            for (int k = 0; k < v.freeCapacity(); k++) {
                places.add(v);
            }
        });
        int n = women.size();
        int m = places.size();
        if (n == 0 || m == 0) {
            return 0;
        }
        boolean womenAreRows = n <= m;
        int[][] cost = womenAreRows ? new int[n][m] : new int[m][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                int score = scorer.score(women.get(i), places.get(j));
                int c = score > 0 ? -score : 0;
                if (womenAreRows) {
                    cost[i][j] = c;
                } else {
                    cost[j][i] = c;
                }
            }
        }
        int[] assignment = Hungarian.minimiseCost(cost);
        long total = 0;
        for (int r = 0; r < assignment.length; r++) {
            total -= cost[r][assignment[r]];
        }
        return total;
    }
}
