package dk.qnet.matching.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.qnet.contracts.referral.AgeBand;
import dk.qnet.contracts.referral.AvailabilitySlot;
import dk.qnet.contracts.referral.DayPeriod;
import dk.qnet.contracts.referral.Interest;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class MatchingEngineTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final MatchingEngine ENGINE = new MatchingEngine(EngineSettings.defaults(TODAY));
    static final List<String> LANGUAGES = List.of("da", "ar", "en");
    static final List<AvailabilitySlot> SLOTS = List.of(new AvailabilitySlot(DayOfWeek.MONDAY, DayPeriod.EVENING),
            new AvailabilitySlot(DayOfWeek.TUESDAY, DayPeriod.AFTERNOON), new AvailabilitySlot(DayOfWeek.SATURDAY, DayPeriod.MORNING));
    /** Two networks in Region Syddanmark and one in Midtjylland. */
    static final String[][] NETWORKS = {{"net-odense", "0461"}, {"net-svendborg", "0479"}, {"net-aarhus", "0751"}};

    record Instance(List<Candidate> women, List<VolunteerProfile> volunteers) {
    }

    static <T> Set<T> some(Random r, List<T> from, int min) {
        Set<T> picked = new HashSet<>();
        for (T t : from) {
            if (r.nextInt(3) > 0) {
                picked.add(t);
            }
        }
        while (picked.size() < min) {
            picked.add(from.get(r.nextInt(from.size())));
        }
        return picked;
    }

    static Instance instance(long seed, int maxWomen, int maxVolunteers) {
        Random r = new Random(seed);
        List<VolunteerProfile> volunteers = new ArrayList<>();
        int nv = r.nextInt(maxVolunteers + 1);
        for (int i = 0; i < nv; i++) {
            String[] net = NETWORKS[r.nextInt(NETWORKS.length)];
            LocalDate certificate = switch (r.nextInt(3)) {
                case 0 -> null;
                case 1 -> TODAY.minusDays(1);
                default -> TODAY.plusDays(200);
            };
            volunteers.add(new VolunteerProfile(new UUID(seed, i), net[0], net[1],
                    VolunteerProfile.Status.values()[r.nextInt(VolunteerProfile.Status.values().length)],
                    some(r, LANGUAGES, 1), some(r, SLOTS, 1), some(r, List.of(Interest.COOKING, Interest.NATURE, Interest.MUSIC), 0),
                    AgeBand.values()[r.nextInt(AgeBand.values().length)], r.nextInt(3), certificate));
        }
        List<Candidate> women = new ArrayList<>();
        int nw = r.nextInt(maxWomen + 1);
        for (int i = 0; i < nw; i++) {
            String[] net = NETWORKS[r.nextInt(NETWORKS.length)];
            List<Integer> children = r.nextBoolean() ? List.of(2010 + r.nextInt(16)) : List.of();
            Set<UUID> excluded = new HashSet<>();
            if (!volunteers.isEmpty() && r.nextInt(4) == 0) {
                excluded.add(volunteers.get(r.nextInt(volunteers.size())).volunteerId());
            }
            women.add(new Candidate(new UUID(~seed, i), net[0], net[1], children, some(r, LANGUAGES, 1), some(r, SLOTS, 1),
                    some(r, List.of(Interest.COOKING, Interest.NATURE, Interest.MUSIC), 0),
                    r.nextBoolean() ? AgeBand.values()[r.nextInt(AgeBand.values().length)] : null,
                    Instant.parse("2026-11-23T00:00:00Z").minusSeconds(86_400L * r.nextInt(120)), r.nextInt(5) == 0, excluded));
        }
        return new Instance(women, volunteers);
    }

    /** The hard constraints, written out again from docs/ARCHITECTURE.md rather than taken from the scorer. */
    static void assertNoHardConstraintBroken(Instance in, List<MatchingEngine.Proposal> proposals) {
        Map<UUID, Candidate> women = new HashMap<>();
        in.women().forEach(w -> women.put(w.referralId(), w));
        Map<UUID, VolunteerProfile> volunteers = new HashMap<>();
        in.volunteers().forEach(v -> volunteers.put(v.volunteerId(), v));
        Map<UUID, Integer> load = new HashMap<>();
        Set<UUID> matchedWomen = new HashSet<>();
        for (MatchingEngine.Proposal p : proposals) {
            Candidate w = women.get(p.referralId());
            VolunteerProfile v = volunteers.get(p.volunteerId());
            assertTrue(matchedWomen.add(w.referralId()), "a woman gets one volunteer");
            load.merge(v.volunteerId(), 1, Integer::sum);
            assertTrue(load.get(v.volunteerId()) <= v.freeCapacity(), "capacity");
            assertTrue(v.status() == VolunteerProfile.Status.APPROVED || v.status() == VolunteerProfile.Status.ACTIVE, "status");
            boolean youngChild = w.childrenBirthYears().stream().anyMatch(y -> TODAY.getYear() - y < 15);
            if (youngChild) {
                assertTrue(v.certificateValidUntil() != null && !v.certificateValidUntil().isBefore(TODAY), "børneattest");
            }
            assertFalse(Collections.disjoint(w.languages(), v.languages()), "a shared language");
            assertFalse(Collections.disjoint(w.availability(), v.availability()), "a shared slot");
            assertFalse(w.excludedVolunteers().contains(v.volunteerId()), "not an excluded pair");
            boolean sameRegion = !w.networkId().equals("net-aarhus") && !v.networkId().equals("net-aarhus")
                    || w.networkId().equals(v.networkId());
            assertTrue(sameRegion, "same network or a neighbour in the same region");
        }
    }

    /** The best total score by trying every assignment. */
    static long bruteForce(Instance in) {
        MatchingEngine engine = ENGINE;
        return best(in.women(), 0, in.volunteers(), new int[in.volunteers().size()], engine.scorer());
    }

    private static long best(List<Candidate> women, int i, List<VolunteerProfile> vs, int[] used, PairScorer scorer) {
        if (i == women.size()) {
            return 0;
        }
        long best = best(women, i + 1, vs, used, scorer);
        for (int j = 0; j < vs.size(); j++) {
            Explanation e = scorer.explain(women.get(i), vs.get(j));
            if (used[j] < vs.get(j).freeCapacity() && e.feasible()) {
                used[j]++;
                best = Math.max(best, e.score() + best(women, i + 1, vs, used, scorer));
                used[j]--;
            }
        }
        return best;
    }

    /**
     * The best total by the dense Hungarian method, as the engine solved it before the sparse
     * solver: every woman against every place, a volunteer with room for k women as k places, an
     * impossible pair costing the same as waiting.
     */
    static long denseOptimum(List<Candidate> women, List<VolunteerProfile> volunteers) {
        List<VolunteerProfile> places = new ArrayList<>();
        volunteers.forEach(v -> {
            for (int k = 0; k < v.freeCapacity(); k++) {
                places.add(v);
            }
        });
        int[][] weight = new int[women.size()][places.size()];
        for (int i = 0; i < women.size(); i++) {
            for (int j = 0; j < places.size(); j++) {
                weight[i][j] = Math.max(0, ENGINE.scorer().score(women.get(i), places.get(j)));
            }
        }
        return denseOptimum(weight);
    }

    /** The greatest total weight of an assignment of a dense matrix (0 = no pair), rows or columns left over. */
    static long denseOptimum(int[][] weight) {
        int n = weight.length;
        int m = n == 0 ? 0 : weight[0].length;
        if (n == 0 || m == 0) {
            return 0;
        }
        boolean rowsFirst = n <= m;
        int[][] cost = rowsFirst ? new int[n][m] : new int[m][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                if (rowsFirst) {
                    cost[i][j] = -weight[i][j];
                } else {
                    cost[j][i] = -weight[i][j];
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

    @Property(tries = 1000)
    void theSparseSolverFindsTheDenseOptimum(@ForAll long seed) {
        Random r = new Random(seed);
        int n = r.nextInt(12);
        int m = r.nextInt(9);
        int[] capacity = new int[m];
        List<Integer> placeColumn = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            capacity[j] = r.nextInt(4);
            for (int k = 0; k < capacity[j]; k++) {
                placeColumn.add(j);
            }
        }
        // Few distinct weights, so that ties are common; a dense row where the density is high.
        int density = 1 + r.nextInt(4);
        int[][] columns = new int[n][];
        int[][] weights = new int[n][];
        int[][] byColumn = new int[n][m];
        for (int i = 0; i < n; i++) {
            List<Integer> cols = new ArrayList<>();
            List<Integer> ws = new ArrayList<>();
            for (int j = 0; j < m; j++) {
                if (r.nextInt(4) < density) {
                    cols.add(j);
                    ws.add(1 + r.nextInt(r.nextBoolean() ? 3 : 200));
                    byColumn[i][j] = ws.get(ws.size() - 1);
                }
            }
            columns[i] = cols.stream().mapToInt(Integer::intValue).toArray();
            weights[i] = ws.stream().mapToInt(Integer::intValue).toArray();
        }
        SparseAssignment.Solution solution = SparseAssignment.solve(columns, weights, capacity);
        int[] columnOf = solution.columnOf();
        int[] used = new int[m];
        long total = 0;
        for (int i = 0; i < n; i++) {
            int j = columnOf[i];
            if (j >= 0) {
                assertTrue(byColumn[i][j] > 0, "row " + i + " only takes a column it has an edge to");
                assertTrue(++used[j] <= capacity[j], "column " + j + " within its capacity");
                total += byColumn[i][j];
            }
        }
        int[][] dense = new int[n][placeColumn.size()];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < placeColumn.size(); p++) {
                dense[i][p] = byColumn[i][placeColumn.get(p)];
            }
        }
        assertEquals(denseOptimum(dense), total);
        // The prices prove it: never negative, covering every pair, exact on the pairs taken,
        // nothing on a row that waits or a column with room, and their sum is the total.
        long prices = 0;
        for (int i = 0; i < n; i++) {
            assertTrue(solution.rowPrice()[i] >= 0);
            for (int e = 0; e < columns[i].length; e++) {
                assertTrue(solution.cannotImprove(i, columns[i][e], weights[i][e]), "row " + i + " covers its pairs");
            }
            if (columnOf[i] >= 0) {
                assertEquals(byColumn[i][columnOf[i]], solution.rowPrice()[i] + solution.columnPrice()[columnOf[i]]);
            } else {
                assertEquals(0, solution.rowPrice()[i], "a row that waits");
            }
            prices += solution.rowPrice()[i];
        }
        for (int j = 0; j < m; j++) {
            assertTrue(solution.columnPrice()[j] >= 0);
            if (used[j] < capacity[j]) {
                assertEquals(0, solution.columnPrice()[j], "a column with room");
            }
            prices += (long) capacity[j] * solution.columnPrice()[j];
        }
        assertEquals(total, prices);
    }

    @Property(tries = 300)
    void theEngineFindsTheDenseOptimum(@ForAll long seed) {
        Instance in = instance(seed, 30, 20);
        long optimum = denseOptimum(in.women(), in.volunteers());
        List<MatchingEngine.Proposal> proposals = ENGINE.propose(in.women(), in.volunteers());
        assertNoHardConstraintBroken(in, proposals);
        assertEquals(optimum, MatchingEngine.totalScore(proposals));
        // With only her one or two best pairs at first, the left-out pairs must come back where they help.
        for (int first : new int[] {1, 2}) {
            List<MatchingEngine.Proposal> fewer = new MatchingEngine(EngineSettings.defaults(TODAY), first).propose(in.women(), in.volunteers());
            assertNoHardConstraintBroken(in, fewer);
            assertEquals(optimum, MatchingEngine.totalScore(fewer), "starting from " + first + " pair(s) each");
        }
    }

    @Property(tries = 400)
    void neverBreaksAHardConstraint(@ForAll long seed) {
        Instance in = instance(seed, 12, 8);
        assertNoHardConstraintBroken(in, ENGINE.propose(in.women(), in.volunteers()));
    }

    @Property(tries = 400)
    void equalsBruteForceOnSmallInstances(@ForAll long seed) {
        Instance in = instance(seed, 5, 4);
        assertEquals(bruteForce(in), MatchingEngine.totalScore(ENGINE.propose(in.women(), in.volunteers())));
    }

    @Property(tries = 200)
    void isDeterministicWhateverTheInputOrder(@ForAll long seed) {
        Instance in = instance(seed, 10, 6);
        List<Candidate> women = new ArrayList<>(in.women());
        List<VolunteerProfile> volunteers = new ArrayList<>(in.volunteers());
        Collections.shuffle(women, new Random(seed));
        Collections.shuffle(volunteers, new Random(~seed));
        assertEquals(ENGINE.propose(in.women(), in.volunteers()), ENGINE.propose(women, volunteers));
    }

    @Property(tries = 300)
    void theFastScoreIsTheExplainedScore(@ForAll long seed) {
        Instance in = instance(seed, 8, 8);
        PairScorer.Batch batch = ENGINE.scorer().batch(in.women(), in.volunteers());
        for (int i = 0; i < in.women().size(); i++) {
            for (int j = 0; j < in.volunteers().size(); j++) {
                Candidate w = in.women().get(i);
                VolunteerProfile v = in.volunteers().get(j);
                Explanation e = ENGINE.scorer().explain(w, v);
                assertEquals(e.feasible() ? e.score() : -1, ENGINE.scorer().score(w, v));
                assertEquals(e.feasible() ? e.score() : -1, batch.score(i, j), "woman " + i + ", volunteer " + j + " in one batch");
            }
        }
    }

    @Test
    void aBatchWithMoreThanSixtyFourLanguagesStillFindsTheSharedOne() {
        List<Candidate> women = new ArrayList<>();
        List<VolunteerProfile> volunteers = new ArrayList<>();
        for (int k = 0; k < 70; k++) {
            String language = "l" + k;
            women.add(new Candidate(new UUID(0, k), "net-odense", "0461", List.of(), Set.of(language), Set.copyOf(SLOTS),
                    Set.of(), null, Instant.parse("2026-11-01T00:00:00Z"), false, Set.of()));
            volunteers.add(new VolunteerProfile(new UUID(1, k), "net-odense", "0461", VolunteerProfile.Status.ACTIVE,
                    Set.of(language), Set.copyOf(SLOTS), Set.of(), AgeBand.FROM_30_TO_49, 1, null));
        }
        PairScorer.Batch batch = ENGINE.scorer().batch(women, volunteers);
        for (int i = 0; i < 70; i++) {
            for (int j = 0; j < 70; j++) {
                assertEquals(i == j, batch.score(i, j) > 0, "woman " + i + " and volunteer " + j);
            }
        }
        assertEquals(70, ENGINE.propose(women, volunteers).size());
    }

    @Property(tries = 300)
    void thePartsShareNoPossiblePair(@ForAll long seed) {
        Instance in = instance(seed, 14, 10);
        long byParts = 0;
        for (MatchingEngine.Part part : MatchingEngine.parts(in.women(), in.volunteers())) {
            byParts += denseOptimum(part.women(), part.volunteers());
        }
        assertEquals(denseOptimum(in.women(), in.volunteers()), byParts);
    }

    @Property(tries = 300)
    void firstComeFirstServedNeverBeatsTheEngine(@ForAll long seed) {
        Instance in = instance(seed, 14, 10);
        List<MatchingEngine.Proposal> greedy = new FifoGreedy(EngineSettings.defaults(TODAY)).propose(in.women(), in.volunteers());
        assertNoHardConstraintBroken(in, greedy);
        assertTrue(MatchingEngine.totalScore(greedy) <= MatchingEngine.totalScore(ENGINE.propose(in.women(), in.volunteers())));
    }

    @Test
    void theWholeBatchBeatsFirstComeFirstServed() {
        // Greedy would give the first woman the only volunteer who can help the second.
        UUID sara = new UUID(0, 1);
        UUID amira = new UUID(0, 2);
        Set<AvailabilitySlot> monday = Set.of(SLOTS.get(0));
        Candidate first = new Candidate(sara, "net-odense", "0461", List.of(), Set.of("da", "ar"), monday,
                Set.of(Interest.COOKING), null, Instant.parse("2026-11-01T00:00:00Z"), false, Set.of());
        Candidate second = new Candidate(amira, "net-odense", "0461", List.of(), Set.of("ar"), monday,
                Set.of(), null, Instant.parse("2026-11-02T00:00:00Z"), false, Set.of());
        VolunteerProfile arabicSpeaker = new VolunteerProfile(new UUID(1, 1), "net-odense", "0461", VolunteerProfile.Status.ACTIVE,
                Set.of("ar", "da"), monday, Set.of(Interest.COOKING), AgeBand.FROM_30_TO_49, 1, null);
        VolunteerProfile danishSpeaker = new VolunteerProfile(new UUID(1, 2), "net-odense", "0479", VolunteerProfile.Status.ACTIVE,
                Set.of("da"), monday, Set.of(), AgeBand.FROM_50_TO_64, 1, null);
        List<MatchingEngine.Proposal> proposals = ENGINE.propose(List.of(first, second), List.of(arabicSpeaker, danishSpeaker));
        assertEquals(2, proposals.size(), "both women are matched");
        Map<UUID, UUID> pairs = new HashMap<>();
        proposals.forEach(p -> pairs.put(p.referralId(), p.volunteerId()));
        assertEquals(arabicSpeaker.volunteerId(), pairs.get(amira));
        assertEquals(danishSpeaker.volunteerId(), pairs.get(sara));
        List<MatchingEngine.Proposal> greedy = new FifoGreedy(EngineSettings.defaults(TODAY))
                .propose(List.of(first, second), List.of(arabicSpeaker, danishSpeaker));
        assertEquals(1, greedy.size(), "first come, first served leaves Amira without a volunteer");
    }

    @Test
    void aProposalExplainsItsScoreAndTheConstraintsChecked() {
        Candidate woman = new Candidate(new UUID(0, 1), "net-odense", "0461", List.of(2020), Set.of("da"), Set.copyOf(SLOTS),
                Set.of(Interest.COOKING, Interest.NATURE), AgeBand.FROM_30_TO_49, Instant.parse("2026-10-01T00:00:00Z"), true, Set.of());
        VolunteerProfile volunteer = new VolunteerProfile(new UUID(1, 1), "net-odense", "0461", VolunteerProfile.Status.APPROVED,
                Set.of("da"), Set.copyOf(SLOTS), Set.of(Interest.COOKING, Interest.NATURE), AgeBand.FROM_30_TO_49, 1, TODAY.plusYears(1));
        Explanation e = ENGINE.propose(List.of(woman), List.of(volunteer)).get(0).explanation();
        Map<String, Integer> points = new HashMap<>();
        e.components().forEach(c -> points.put(c.code(), c.points()));
        assertEquals(Map.of("BASE", 100, "SHARED_INTERESTS", 20, "AGE_BAND", 15, "MORE_SLOTS", 10, "SAME_MUNICIPALITY", 10,
                "WAITING_TIME", 35, "WAITLIST_PRIORITY", 25), points);
        assertEquals(215, e.score());
        assertEquals(7, e.checks().size());
        assertTrue(e.checks().stream().allMatch(Explanation.Check::passed));
        assertTrue(e.checks().stream().anyMatch(c -> c.code().equals("CHILD_SAFETY_CERTIFICATE") && c.text().contains("børneattest")));
    }

    @Test
    void anExpiredCertificateBlocksAWomanWithAYoungChild() {
        Candidate woman = new Candidate(new UUID(0, 1), "net-odense", "0461", List.of(2019), Set.of("da"), Set.copyOf(SLOTS),
                Set.of(), null, Instant.parse("2026-11-01T00:00:00Z"), false, Set.of());
        VolunteerProfile expired = new VolunteerProfile(new UUID(1, 1), "net-odense", "0461", VolunteerProfile.Status.ACTIVE,
                Set.of("da"), Set.copyOf(SLOTS), Set.of(), AgeBand.FROM_30_TO_49, 1, TODAY.minusDays(1));
        assertTrue(ENGINE.propose(List.of(woman), List.of(expired)).isEmpty());
        Candidate teenagerOnly = new Candidate(new UUID(0, 2), "net-odense", "0461", List.of(2009), Set.of("da"), Set.copyOf(SLOTS),
                Set.of(), null, Instant.parse("2026-11-01T00:00:00Z"), false, Set.of());
        assertEquals(1, ENGINE.propose(List.of(teenagerOnly), List.of(expired)).size(), "a 17-year-old needs no certificate");
    }
}
