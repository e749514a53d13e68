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

    /** The hard constraints, written out again from DESIGN.md rather than taken from the scorer. */
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
        Instance in = instance(seed, 6, 6);
        for (Candidate w : in.women()) {
            for (VolunteerProfile v : in.volunteers()) {
                Explanation e = ENGINE.scorer().explain(w, v);
                assertEquals(e.feasible() ? e.score() : -1, ENGINE.scorer().score(w, v));
            }
        }
    }

    @Property(tries = 300)
    void regionByRegionIsAsGoodAsTheWholeBatch(@ForAll long seed) {
        Instance in = instance(seed, 14, 10);
        List<MatchingEngine.Proposal> parts = ENGINE.proposeByRegion(in.women(), in.volunteers());
        assertNoHardConstraintBroken(in, parts);
        assertEquals(MatchingEngine.totalScore(ENGINE.propose(in.women(), in.volunteers())), MatchingEngine.totalScore(parts));
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
