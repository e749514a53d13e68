package dk.qnet.matching.engine;

import dk.qnet.contracts.Municipalities;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Proposes volunteers for waiting women so that the total score of the whole batch is as high as
 * it can be, never breaking a hard constraint. Only the possible pairs are scored (a volunteer in
 * her region or in her own network) and kept (no hard constraint broken, a positive score); the
 * assignment is solved on that sparse graph ({@link SparseAssignment}), a volunteer with room for k
 * women taking up to k. Inputs are sorted by id first: equal inputs, equal output.
 */
public final class MatchingEngine {

    /** One proposal, with the reasons a coordinator reads. */
    public record Proposal(UUID referralId, UUID volunteerId, Explanation explanation) {
    }

    /** How many of her best pairs a woman brings to the first solve; the rest join only if they could help. */
    static final int FIRST_PAIRS = 32;
    /**
     * Once pairs must be added, those within this many points of helping come too, so that the
     * next solve is more often the last. Only pairs that could help decide whether to solve again.
     */
    static final int SLACK = 10;

    private final PairScorer scorer;
    private final int firstPairs;

    public MatchingEngine(EngineSettings settings) {
        this(settings, FIRST_PAIRS);
    }

    MatchingEngine(EngineSettings settings, int firstPairs) {
        this.scorer = new PairScorer(settings);
        this.firstPairs = firstPairs;
    }

    /**
     * The proposals for a batch, solved part by part ({@link #parts}): the parts share no
     * possible pair, so each is solved on its own, in parallel, and the result is the optimum of
     * the whole batch. Sorted by referral id.
     */
    public List<Proposal> propose(List<Candidate> candidates, List<VolunteerProfile> volunteers) {
        return parts(candidates, volunteers).parallelStream()
                .flatMap(part -> proposeWithin(part.women(), part.volunteers()).stream())
                .sorted(Comparator.comparing(Proposal::referralId))
                .toList();
    }

    private List<Proposal> proposeWithin(List<Candidate> candidates, List<VolunteerProfile> volunteers) {
        List<Candidate> women = candidates.stream().sorted(Comparator.comparing(Candidate::referralId)).toList();
        List<VolunteerProfile> free = volunteers.stream().filter(v -> v.freeCapacity() > 0)
                .sorted(Comparator.comparing(VolunteerProfile::volunteerId)).toList();
        if (women.isEmpty() || free.isEmpty()) {
            return List.of();
        }
        // Only volunteers in her region or in her own network can be paired with her.
        Map<String, List<Integer>> byRegion = new HashMap<>();
        Map<String, List<Integer>> byNetwork = new HashMap<>();
        String[] regionOf = new String[free.size()];
        for (int j = 0; j < free.size(); j++) {
            regionOf[j] = region(free.get(j).municipalityCode());
            byRegion.computeIfAbsent(regionOf[j], k -> new ArrayList<>()).add(j);
            byNetwork.computeIfAbsent(free.get(j).networkId(), k -> new ArrayList<>()).add(j);
        }
        PairScorer.Batch batch = scorer.batch(women, free);
        int n = women.size();
        int[][] columns = new int[n][];
        int[][] weights = new int[n][];
        IntStream.range(0, n).parallel().forEach(i -> {
            Candidate w = women.get(i);
            String region = region(w.municipalityCode());
            List<Integer> inRegion = byRegion.getOrDefault(region, List.of());
            List<Integer> inNetwork = byNetwork.getOrDefault(w.networkId(), List.of());
            int[] cols = new int[inRegion.size() + inNetwork.size()];
            int[] ws = new int[cols.length];
            int e = 0;
            for (int j : inRegion) {
                int score = batch.score(i, j);
                if (score > 0) {
                    cols[e] = j;
                    ws[e++] = score;
                }
            }
            for (int j : inNetwork) {
                if (!regionOf[j].equals(region)) {
                    int score = batch.score(i, j);
                    if (score > 0) {
                        cols[e] = j;
                        ws[e++] = score;
                    }
                }
            }
            columns[i] = Arrays.copyOf(cols, e);
            weights[i] = Arrays.copyOf(ws, e);
        });
        int[] capacity = free.stream().mapToInt(VolunteerProfile::freeCapacity).toArray();
        int[] columnOf = solve(columns, weights, capacity);
        List<Proposal> proposals = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (columnOf[i] >= 0) {
                VolunteerProfile v = free.get(columnOf[i]);
                proposals.add(new Proposal(women.get(i).referralId(), v.volunteerId(), scorer.explain(women.get(i), v)));
            }
        }
        return proposals;
    }

    /**
     * The optimum over all the pairs given, found on fewer: each woman first brings only her
     * {@link #firstPairs} best pairs (all of them at the last weight that makes the cut). The
     * solver's prices then show, for every pair left out, whether it could raise the total; those
     * that could are added and the batch is solved again, until none could. By LP duality the
     * last answer is the optimum of the whole graph, and a national batch, where most women reach
     * a thousand volunteers, is solved on a few dozen pairs each.
     */
    private int[] solve(int[][] columns, int[][] weights, int[] capacity) {
        int n = columns.length;
        int[] cut = new int[n];
        int[][] keptColumns = new int[n][];
        int[][] keptWeights = new int[n][];
        IntStream.range(0, n).parallel().forEach(i -> {
            int[] ws = weights[i];
            if (ws.length <= firstPairs) {
                cut[i] = Integer.MIN_VALUE;
                keptColumns[i] = columns[i];
                keptWeights[i] = ws;
                return;
            }
            int[] sorted = ws.clone();
            Arrays.sort(sorted);
            cut[i] = sorted[sorted.length - firstPairs];
            int kept = 0;
            for (int w : ws) {
                if (w >= cut[i]) {
                    kept++;
                }
            }
            keptColumns[i] = new int[kept];
            keptWeights[i] = new int[kept];
            for (int e = 0, k = 0; e < ws.length; e++) {
                if (ws[e] >= cut[i]) {
                    keptColumns[i][k] = columns[i][e];
                    keptWeights[i][k++] = ws[e];
                }
            }
        });
        while (true) {
            SparseAssignment.Solution solution = SparseAssignment.solve(keptColumns, keptWeights, capacity);
            boolean[] grown = new boolean[n];
            IntStream.range(0, n).parallel().forEach(i -> {
                if (cut[i] == Integer.MIN_VALUE || solution.rowPrice()[i] >= (long) cut[i] + SLACK) {
                    // Every pair left out weighs less than her price: none could help.
                    return;
                }
                int[] cols = columns[i];
                int[] ws = weights[i];
                int extra = 0;
                int[] addColumns = new int[cols.length];
                int[] addWeights = new int[cols.length];
                boolean couldHelp = false;
                for (int e = 0; e < cols.length; e++) {
                    if (ws[e] < cut[i] && !solution.cannotImprove(i, cols[e], ws[e] + SLACK) && !contains(keptColumns[i], cols[e])) {
                        couldHelp |= !solution.cannotImprove(i, cols[e], ws[e]);
                        addColumns[extra] = cols[e];
                        addWeights[extra++] = ws[e];
                    }
                }
                if (extra > 0) {
                    int old = keptColumns[i].length;
                    keptColumns[i] = Arrays.copyOf(keptColumns[i], old + extra);
                    keptWeights[i] = Arrays.copyOf(keptWeights[i], old + extra);
                    System.arraycopy(addColumns, 0, keptColumns[i], old, extra);
                    System.arraycopy(addWeights, 0, keptWeights[i], old, extra);
                    grown[i] = couldHelp;
                }
            });
            boolean any = false;
            for (boolean g : grown) {
                any |= g;
            }
            if (!any) {
                return solution.columnOf();
            }
        }
    }

    private static boolean contains(int[] values, int value) {
        for (int x : values) {
            if (x == value) {
                return true;
            }
        }
        return false;
    }

    /** Women and volunteers who can only be paired with each other. */
    public record Part(List<Candidate> women, List<VolunteerProfile> volunteers) {
    }

    /**
     * A batch split into independent parts. A pair is only possible within a region, or within
     * a network whose volunteer lives across a region border; regions linked that way form one
     * part. Parts without women are left out; in order of their first region's code.
     */
    public static List<Part> parts(List<Candidate> candidates, List<VolunteerProfile> volunteers) {
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
        List<Part> parts = new ArrayList<>();
        women.forEach((part, list) -> parts.add(new Part(list, byPart.getOrDefault(part, List.of()))));
        return parts;
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
