package dk.qnet.matching.engine;

import dk.qnet.contracts.Municipalities;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Proposes volunteers for waiting women so that the total score of the whole batch is as high as
 * it can be, never breaking a hard constraint. A volunteer with room for k women appears as k
 * places. A pair that breaks a hard constraint (or would score nothing) costs the same as leaving
 * the woman waiting, and is dropped from the result, so it never wins. Inputs are sorted by id
 * first: equal inputs, equal output.
 */
public final class MatchingEngine {

    /** One proposal, with the reasons a coordinator reads. */
    public record Proposal(UUID referralId, UUID volunteerId, Explanation explanation) {
    }

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
        // The Hungarian method wants no more rows than columns: the smaller side becomes the rows.
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
        int[] placeOf = new int[n];
        java.util.Arrays.fill(placeOf, -1);
        for (int r = 0; r < assignment.length; r++) {
            if (womenAreRows) {
                placeOf[r] = assignment[r];
            } else {
                placeOf[assignment[r]] = r;
            }
        }
        List<Proposal> proposals = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int j = placeOf[i];
            if (j >= 0 && cost[womenAreRows ? i : j][womenAreRows ? j : i] < 0) {
                Explanation e = scorer.explain(women.get(i), places.get(j));
                proposals.add(new Proposal(women.get(i).referralId(), places.get(j).volunteerId(), e));
            }
        }
        return proposals;
    }

    /**
     * A national batch, solved part by part. A pair is only possible within a region, or within
     * a network whose volunteer lives across a region border; regions linked that way form one
     * part. The parts are independent, so the result equals {@link #propose} on the whole batch,
     * at a fraction of the cost.
     */
    public List<Proposal> proposeByRegion(List<Candidate> candidates, List<VolunteerProfile> volunteers) {
        Map<String, String> parent = new HashMap<>();
        Map<String, Set<String>> networkRegions = new HashMap<>();
        candidates.forEach(c -> networkRegions.computeIfAbsent(c.networkId(), k -> new HashSet<>()).add(region(c.municipalityCode())));
        for (VolunteerProfile v : volunteers) {
            for (String r : networkRegions.getOrDefault(v.networkId(), Set.of())) {
                union(parent, region(v.municipalityCode()), r);
            }
        }
        Map<String, List<Candidate>> women = new TreeMap<>();
        candidates.forEach(c -> women.computeIfAbsent(find(parent, region(c.municipalityCode())), k -> new ArrayList<>()).add(c));
        Map<String, List<VolunteerProfile>> byPart = new TreeMap<>();
        volunteers.forEach(v -> byPart.computeIfAbsent(find(parent, region(v.municipalityCode())), k -> new ArrayList<>()).add(v));
        List<Proposal> proposals = new ArrayList<>();
        women.forEach((part, list) -> proposals.addAll(propose(list, byPart.getOrDefault(part, List.of()))));
        proposals.sort(Comparator.comparing(Proposal::referralId));
        return proposals;
    }

    private static String find(Map<String, String> parent, String x) {
        String p = parent.getOrDefault(x, x);
        if (p.equals(x)) {
            return x;
        }
        String root = find(parent, p);
        parent.put(x, root);
        return root;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            // The smaller name becomes the root, so the parts do not depend on input order.
            if (ra.compareTo(rb) < 0) {
                parent.put(rb, ra);
            } else {
                parent.put(ra, rb);
            }
        }
    }

    private static String region(String municipalityCode) {
        return Municipalities.regionOf(municipalityCode).orElse("?" + municipalityCode);
    }

    /** The sum of the scores of a set of proposals: what the engine maximises. */
    public static long totalScore(List<Proposal> proposals) {
        return proposals.stream().mapToLong(p -> p.explanation().score()).sum();
    }

    public PairScorer scorer() {
        return scorer;
    }
}
