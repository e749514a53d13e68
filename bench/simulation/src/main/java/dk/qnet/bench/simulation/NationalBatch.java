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
 * people of the simulation. Region by region, which is exact (no pair crosses a region); the
 * whole batch at once only where it fits in time, to show what the split saves.
 */
final class NationalBatch {

    static final int[] SIZES = {1_000, 5_000, 10_000};

    private NationalBatch() {
    }

    static void timeAll(Geography geography) {
        LocalDate today = LocalDate.of(2026, 11, 23);
        MatchingEngine engine = new MatchingEngine(EngineSettings.defaults(today));
        FifoGreedy greedy = new FifoGreedy(EngineSettings.defaults(today));
        System.out.printf("%n## National batches (one run each after a warm-up at 1,000)%n%n");
        System.out.println("| women × volunteers | engine, region by region | proposals | total score | FIFO-greedy | its proposals | its total score | engine, whole batch at once |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        batch(geography, 1_000, today, engine, greedy, false);
        for (int n : SIZES) {
            batch(geography, n, today, engine, greedy, true);
        }
    }

    private static void batch(Geography geography, int n, LocalDate today, MatchingEngine engine, FifoGreedy greedy, boolean print) {
        Population population = new Population(n, geography, today, 0, 365, n, n);
        List<Candidate> women = population.women.stream().map(w -> candidate(w, today)).toList();
        List<VolunteerProfile> volunteers = population.volunteers.stream().map(v -> Simulation.profile(v, 1, today)).toList();
        long t0 = System.nanoTime();
        List<MatchingEngine.Proposal> byRegion = engine.proposeByRegion(women, volunteers);
        long t1 = System.nanoTime();
        List<MatchingEngine.Proposal> fifo = greedy.propose(women, volunteers);
        long t2 = System.nanoTime();
        String whole = "not run";
        if (n <= 1_000) {
            long w0 = System.nanoTime();
            List<MatchingEngine.Proposal> all = engine.propose(women, volunteers);
            whole = String.format(Locale.ROOT, "%.2f s (total score %d)", (System.nanoTime() - w0) / 1e9, MatchingEngine.totalScore(all));
        }
        if (print) {
            System.out.printf(Locale.ROOT, "| %,d × %,d | %.2f s | %,d | %,d | %.2f s | %,d | %,d | %s |%n", women.size(), volunteers.size(),
                    (t1 - t0) / 1e9, byRegion.size(), MatchingEngine.totalScore(byRegion), (t2 - t1) / 1e9, fifo.size(),
                    MatchingEngine.totalScore(fifo), whole);
        }
    }

    private static Candidate candidate(Woman w, LocalDate today) {
        return new Candidate(w.id(), w.network(), w.municipality(), w.childrenBirthYears(), w.languages(), w.slots(), w.interests(),
                w.preferredAgeBand(), today.minusDays(w.referredDay() % 60).atStartOfDay().toInstant(ZoneOffset.UTC), false, Set.of());
    }
}
