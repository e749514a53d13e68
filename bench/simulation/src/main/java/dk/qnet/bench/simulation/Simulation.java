package dk.qnet.bench.simulation;

import dk.qnet.bench.simulation.Population.Volunteer;
import dk.qnet.bench.simulation.Population.Woman;
import dk.qnet.contracts.Municipalities;
import dk.qnet.matching.engine.Candidate;
import dk.qnet.matching.engine.EngineSettings;
import dk.qnet.matching.engine.Explanation;
import dk.qnet.matching.engine.FifoGreedy;
import dk.qnet.matching.engine.Hungarian;
import dk.qnet.matching.engine.MatchingEngine;
import dk.qnet.matching.engine.PairScorer;
import dk.qnet.matching.engine.VolunteerProfile;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A discrete-event simulation, one day per step, of a year of Qnet referrals. Each policy meets
 * the same women, volunteers and answers. Women referred in the measured year form the cohort;
 * half a year before warms the pool up, and half a year after lets the last of them be matched.
 *
 * <p>Run: {@code bench/simulate.sh} (see BENCHMARKS.md).
 */
public final class Simulation {

    enum Policy { FIFO_GREEDY, ENGINE }

    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final int WARM_UP = 180;
    static final int YEAR = 365;
    static final int TAIL = 180;
    static final double WOMEN_PER_YEAR = 400;
    static final int VOLUNTEERS = 271;

    /** The figures of one policy on one seed. {@code quality} leaves out the waiting-time points. */
    record Outcome(String policy, long seed, int cohort, int matched, int medianDays, int p90Days, int p90MatchedDays, double within30,
                   long quality, int violations) {
    }

    private enum State { REFERRED, READY, OFFERED, MATCHED, DONE }

    private static final class Her {
        final Woman woman;
        State state = State.REFERRED;
        int waitingSince;
        boolean priority;
        final Set<UUID> excluded = new HashSet<>();
        int firstAccepted = -1;
        long firstQuality;
        int matches;

        Her(Woman woman) {
            this.woman = woman;
        }
    }

    private record Event(int day, Her her, Volunteer volunteer, long quality) {
    }

    public static void main(String[] args) throws Exception {
        int seeds = 5;
        boolean national = true;
        List<Integer> volunteerCounts = List.of(VOLUNTEERS, 200);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seeds" -> seeds = Integer.parseInt(args[++i]);
                case "--no-national" -> national = false;
                case "--national-only" -> volunteerCounts = List.of();
                case "--volunteers" -> volunteerCounts = Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
                default -> throw new IllegalArgumentException("usage: [--seeds N] [--volunteers 271,200] [--no-national | --national-only]");
            }
        }
        Geography geography = Geography.fromSeed(Geography.findRepositoryRoot());
        for (int volunteers : volunteerCounts) {
            scenario(geography, seeds, volunteers);
        }
        if (national) {
            NationalBatch.timeAll(geography);
        }
    }

    private static void scenario(Geography geography, int seeds, int volunteers) {
        System.out.printf("%n## Simulation: %d seeds, %d women a year, %d volunteers, %s to %s measured%n%n", seeds, (int) WOMEN_PER_YEAR,
                volunteers, START, START.plusDays(YEAR - 1));
        System.out.println("| seed | policy | cohort | matched | median days | p90 days (never = -1) | p90 of the matched | within 30 days | quality | % of hindsight bound | violations |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        List<Outcome> all = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
            Population population = new Population(seed, geography, START, -WARM_UP, YEAR, WOMEN_PER_YEAR, volunteers);
            Outcome bound = hindsight(population);
            for (Policy policy : Policy.values()) {
                Outcome o = run(population, policy);
                all.add(o);
                print(o, bound);
            }
            all.add(bound);
            print(bound, bound);
        }
        System.out.println();
        System.out.println("| policy | matched | median days (mean over seeds) | p90 of the matched | within 30 days | % of hindsight bound | violations (sum) |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String policy : List.of("FIFO_GREEDY", "ENGINE", "HINDSIGHT")) {
            List<Outcome> mine = all.stream().filter(o -> o.policy().equals(policy)).toList();
            System.out.printf(Locale.ROOT, "| %s | %.1f%% | %.1f | %.1f | %.1f%% | %.1f%% | %d |%n", policy,
                    100 * mine.stream().mapToDouble(o -> o.matched() / (double) o.cohort()).average().orElse(0),
                    mine.stream().mapToInt(Outcome::medianDays).average().orElse(0),
                    mine.stream().mapToInt(Outcome::p90MatchedDays).average().orElse(0),
                    100 * mine.stream().mapToDouble(Outcome::within30).average().orElse(0),
                    100 * mine.stream().mapToDouble(o -> o.quality() / (double) boundOf(all, o.seed())).average().orElse(0),
                    mine.stream().mapToInt(Outcome::violations).sum());
        }
    }

    private static long boundOf(List<Outcome> all, long seed) {
        return all.stream().filter(o -> o.policy().equals("HINDSIGHT") && o.seed() == seed).findFirst().orElseThrow().quality();
    }

    private static void print(Outcome o, Outcome bound) {
        System.out.printf(Locale.ROOT, "| %d | %s | %d | %d | %d | %d | %d | %.1f%% | %d | %.1f%% | %d |%n", o.seed(), o.policy(), o.cohort(),
                o.matched(), o.medianDays(), o.p90Days(), o.p90MatchedDays(), 100 * o.within30(), o.quality(), 100.0 * o.quality() / bound.quality(),
                o.violations());
    }

    static Outcome run(Population population, Policy policy) {
        List<Her> women = population.women.stream().map(Her::new).toList();
        int[] load = new int[population.volunteers.size()];
        List<Event> offers = new ArrayList<>();
        List<Event> matches = new ArrayList<>();
        int violations = 0;
        int next = 0;
        for (int day = -WARM_UP; day < YEAR + TAIL; day++) {
            LocalDate today = START.plusDays(day);
            while (next < women.size() && women.get(next).woman.referredDay() == day) {
                next++;
            }
            for (int i = 0; i < next; i++) {
                Her her = women.get(i);
                if (her.state == State.REFERRED && her.woman.referredDay() + her.woman.acceptDelay() == day) {
                    her.state = State.READY;
                    her.waitingSince = her.woman.referredDay();
                }
            }
            for (Event offer : dueOn(offers, day)) {
                Her her = offer.her();
                if (population.accepts(her.woman, offer.volunteer())) {
                    her.state = State.MATCHED;
                    if (her.firstAccepted < 0) {
                        her.firstAccepted = day;
                        her.firstQuality = offer.quality();
                    }
                    matches.add(new Event(day + her.woman.matchDays()[Math.min(her.matches, 2)], her, offer.volunteer(), 0));
                } else {
                    her.excluded.add(offer.volunteer().id());
                    her.state = State.READY;
                    load[offer.volunteer().index()]--;
                }
            }
            for (Event ended : dueOn(matches, day)) {
                Her her = ended.her();
                load[ended.volunteer().index()]--;
                boolean returns = her.woman.endsEarlyAndReturns()[Math.min(her.matches, 2)] && her.matches < 2;
                her.matches++;
                if (returns) {
                    her.state = State.READY;
                    her.priority = true;
                    her.waitingSince = day;
                } else {
                    her.state = State.DONE;
                }
            }

            List<Her> ready = new ArrayList<>();
            for (int i = 0; i < next; i++) {
                if (women.get(i).state == State.READY) {
                    ready.add(women.get(i));
                }
            }
            if (ready.isEmpty()) {
                continue;
            }
            List<VolunteerProfile> free = new ArrayList<>();
            for (Volunteer v : population.volunteers) {
                if (!v.paused() && load[v.index()] < v.capacity()) {
                    free.add(profile(v, v.capacity() - load[v.index()], today));
                }
            }
            EngineSettings settings = EngineSettings.defaults(today);
            List<Candidate> candidates = ready.stream().map(h -> candidate(h)).toList();
            List<MatchingEngine.Proposal> proposals = policy == Policy.ENGINE
                    ? new MatchingEngine(settings).propose(candidates, free)
                    : new FifoGreedy(settings).propose(candidates, free);
            for (MatchingEngine.Proposal p : proposals) {
                Her her = ready.stream().filter(h -> h.woman.id().equals(p.referralId())).findFirst().orElseThrow();
                Volunteer v = population.volunteers.get((int) p.volunteerId().getLeastSignificantBits());
                load[v.index()]++;
                violations += violations(her, v, load[v.index()], today);
                her.state = State.OFFERED;
                offers.add(new Event(day + population.answerDays(her.woman, v), her, v, quality(p.explanation())));
            }
        }
        return outcome(policy.name(), population.seed, women.stream().filter(h -> inCohort(h.woman)).toList(), violations);
    }

    /** The upper bound: the whole year known, no clock, each volunteer place free for up to four women in the year. */
    static Outcome hindsight(Population population) {
        List<Woman> cohort = population.women.stream().filter(Simulation::inCohort).toList();
        List<Volunteer> places = new ArrayList<>();
        for (Volunteer v : population.volunteers) {
            for (int k = 0; k < v.capacity() * 4 && !v.paused(); k++) {
                places.add(v);
            }
        }
        int n = cohort.size();
        int m = places.size();
        int[][] cost = new int[n][m];
        for (int i = 0; i < n; i++) {
            Woman w = cohort.get(i);
            LocalDate ready = START.plusDays(w.referredDay() + w.acceptDelay());
            PairScorer scorer = new PairScorer(EngineSettings.defaults(ready));
            Candidate c = new Candidate(w.id(), w.network(), w.municipality(), w.childrenBirthYears(), w.languages(), w.slots(),
                    w.interests(), w.preferredAgeBand(), ready.atStartOfDay().toInstant(ZoneOffset.UTC), false, Set.of());
            for (int j = 0; j < m; j++) {
                Volunteer v = places.get(j);
                int score = population.accepts(w, v) ? scorer.score(c, profile(v, 1, ready)) : -1;
                cost[i][j] = score > 0 ? -score : 0;
            }
        }
        int[] assignment = n <= m ? Hungarian.minimiseCost(cost) : new int[0];
        List<Integer> days = new ArrayList<>();
        long quality = 0;
        int matched = 0;
        for (int i = 0; i < assignment.length; i++) {
            if (cost[i][assignment[i]] < 0) {
                matched++;
                quality -= cost[i][assignment[i]];
                days.add(cohort.get(i).acceptDelay() + population.answerDays(cohort.get(i), places.get(assignment[i])));
            }
        }
        while (days.size() < n) {
            days.add(Integer.MAX_VALUE);
        }
        return new Outcome("HINDSIGHT", population.seed, n, matched, percentile(days, 50), percentile(days, 90), p90OfMatched(days),
                days.stream().filter(d -> d <= 30).count() / (double) n, quality, 0);
    }

    private static boolean inCohort(Woman w) {
        return w.referredDay() >= 0 && w.referredDay() < YEAR;
    }

    private static Outcome outcome(String policy, long seed, List<Her> cohort, int violations) {
        List<Integer> days = new ArrayList<>();
        long quality = 0;
        int matched = 0;
        for (Her h : cohort) {
            if (h.firstAccepted >= 0) {
                matched++;
                quality += h.firstQuality;
                days.add(h.firstAccepted - h.woman.referredDay());
            } else {
                days.add(Integer.MAX_VALUE);
            }
        }
        return new Outcome(policy, seed, cohort.size(), matched, percentile(days, 50), percentile(days, 90), p90OfMatched(days),
                days.stream().filter(d -> d <= 30).count() / (double) cohort.size(), quality, violations);
    }

    /** Nearest-rank percentile; a woman never matched counts as waiting forever (shown as -1). */
    static int percentile(List<Integer> values, int p) {
        List<Integer> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        int value = sorted.get(Math.max(0, rank - 1));
        return value == Integer.MAX_VALUE ? -1 : value;
    }

    private static int p90OfMatched(List<Integer> days) {
        List<Integer> matched = days.stream().filter(d -> d != Integer.MAX_VALUE).toList();
        return matched.isEmpty() ? -1 : percentile(matched, 90);
    }

    private static List<Event> dueOn(List<Event> events, int day) {
        List<Event> due = new ArrayList<>();
        events.removeIf(e -> {
            if (e.day() == day) {
                due.add(e);
                return true;
            }
            return false;
        });
        return due;
    }

    /** Match quality: the score without the points for waiting, which differ only by how long a policy made her wait. */
    private static long quality(Explanation e) {
        return e.components().stream().filter(c -> !c.code().equals("WAITING_TIME") && !c.code().equals("WAITLIST_PRIORITY"))
                .mapToLong(Explanation.Component::points).sum();
    }

    private static Candidate candidate(Her h) {
        Woman w = h.woman;
        return new Candidate(w.id(), w.network(), w.municipality(), w.childrenBirthYears(), w.languages(), w.slots(), w.interests(),
                w.preferredAgeBand(), START.plusDays(h.waitingSince).atStartOfDay().toInstant(ZoneOffset.UTC), h.priority,
                Set.copyOf(h.excluded));
    }

    static VolunteerProfile profile(Volunteer v, int freeCapacity, LocalDate today) {
        return new VolunteerProfile(v.id(), v.network(), v.municipality(), v.paused() ? VolunteerProfile.Status.PAUSED : VolunteerProfile.Status.ACTIVE,
                v.languages(), v.slots(), v.interests(), v.ageBand(), freeCapacity, v.certificateOn(today));
    }

    /** The hard constraints, checked again here from docs/ARCHITECTURE.md, not taken from the engine. */
    private static int violations(Her her, Volunteer v, int loadAfter, LocalDate today) {
        Woman w = her.woman;
        int broken = 0;
        broken += loadAfter > v.capacity() ? 1 : 0;
        broken += v.paused() ? 1 : 0;
        boolean youngChild = w.childrenBirthYears().stream().anyMatch(y -> today.getYear() - y < 15);
        LocalDate certificate = v.certificateOn(today);
        broken += youngChild && (certificate == null || certificate.isBefore(today)) ? 1 : 0;
        broken += Collections.disjoint(w.languages(), v.languages()) ? 1 : 0;
        broken += Collections.disjoint(w.slots(), v.slots()) ? 1 : 0;
        broken += her.excluded.contains(v.id()) ? 1 : 0;
        boolean sameRegion = Municipalities.regionOf(w.municipality()).equals(Municipalities.regionOf(v.municipality()));
        broken += !sameRegion && !w.network().equals(v.network()) ? 1 : 0;
        return broken;
    }
}
