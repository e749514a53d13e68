package dk.qnet.bench.simulation;

import dk.qnet.bench.simulation.Population.Woman;
import dk.qnet.matching.engine.Candidate;
import dk.qnet.matching.engine.EngineSettings;
import dk.qnet.matching.engine.FifoGreedy;
import dk.qnet.matching.engine.MatchingEngine;
import dk.qnet.matching.engine.VolunteerProfile;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The engine's time on one national batch of n women and n volunteers (capacity 1), with the
 * people of the simulation: the engine (the sparse solver, its parts in parallel) against the
 * baseline of the dense Hungarian method region by region (the engine before the sparse solver),
 * in the same run. Each is timed twice after a warm-up at 1,000; the totals must agree.
 */
final class NationalBatch {

    static final int[] SIZES = {1_000, 5_000, 10_000};

    private NationalBatch() {
    }

    static void timeAll(Geography geography) {
        LocalDate today = LocalDate.of(2026, 11, 23);
        MatchingEngine engine = new MatchingEngine(EngineSettings.defaults(today));
        FifoGreedy greedy = new FifoGreedy(EngineSettings.defaults(today));
        System.out.printf("%n## National batches (after a warm-up at 1,000; two rounds each)%n%n");
        System.out.println("| women × volunteers | compatible pairs | engine (sparse, parts in parallel) | dense Hungarian, region by region (baseline) | ratio | proposals | total score (both) | FIFO-greedy | its total score |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        batch(geography, 1_000, today, engine, greedy, false);
        for (int n : SIZES) {
            batch(geography, n, today, engine, greedy, true);
        }
    }

    private static void batch(Geography geography, int n, LocalDate today, MatchingEngine engine, FifoGreedy greedy, boolean print) {
        Population population = new Population(n, geography, today, 0, 365, n, n);
        List<Candidate> women = population.women.stream().map(w -> candidate(w, today)).toList();
        List<VolunteerProfile> volunteers = population.volunteers.stream().map(v -> Simulation.profile(v, 1, today)).toList();
        double[] whole = new double[2];
        double[] dense = new double[2];
        List<MatchingEngine.Proposal> proposals = null;
        long denseTotal = 0;
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            proposals = engine.propose(women, volunteers);
            long t1 = System.nanoTime();
            denseTotal = 0;
            for (MatchingEngine.Part part : MatchingEngine.parts(women, volunteers)) {
                denseTotal += DenseBaseline.totalScore(engine.scorer(), part.women(), part.volunteers());
            }
            long t2 = System.nanoTime();
            whole[round] = (t1 - t0) / 1e9;
            dense[round] = (t2 - t1) / 1e9;
        }
        long total = MatchingEngine.totalScore(proposals);
        if (total != denseTotal) {
            throw new IllegalStateException("totals differ: sparse " + total + ", dense " + denseTotal);
        }
        long g0 = System.nanoTime();
        List<MatchingEngine.Proposal> fifo = greedy.propose(women, volunteers);
        double greedyTime = (System.nanoTime() - g0) / 1e9;
        if (print) {
            long pairs = 0;
            for (Candidate w : women) {
                for (VolunteerProfile v : volunteers) {
                    if (engine.scorer().score(w, v) > 0) {
                        pairs++;
                    }
                }
            }
            System.out.printf(Locale.ROOT, "| %,d × %,d | %,d | %.2f s, %.2f s | %.2f s, %.2f s | %.3f, %.3f | %,d | %,d | %.2f s | %,d |%n",
                    women.size(), volunteers.size(), pairs, whole[0], whole[1], dense[0], dense[1],
                    whole[0] / dense[0], whole[1] / dense[1], proposals.size(), total, greedyTime, MatchingEngine.totalScore(fifo));
        }
    }

    private static Candidate candidate(Woman w, LocalDate today) {
        return new Candidate(w.id(), w.network(), w.municipality(), w.childrenBirthYears(), w.languages(), w.slots(), w.interests(),
                w.preferredAgeBand(), today.minusDays(w.referredDay() % 60).atStartOfDay().toInstant(ZoneOffset.UTC), false, Set.of());
    }
}
