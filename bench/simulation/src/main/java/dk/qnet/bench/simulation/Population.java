package dk.qnet.bench.simulation;

import dk.qnet.contracts.referral.AgeBand;
import dk.qnet.contracts.referral.AvailabilitySlot;
import dk.qnet.contracts.referral.DayPeriod;
import dk.qnet.contracts.referral.Interest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The women and volunteers of one simulated year, calibrated to DOMAIN.md: about 400 women a year,
 * 59% with children, about 41% with a non-Western minority background; 271 volunteers. Everything
 * about a person that a policy could influence (whether a pair would say yes, how long a match
 * lasts) is drawn once here, so every policy meets the same people and the same answers.
 */
final class Population {

    static final List<String> MINORITY_LANGUAGES = List.of("ar", "so", "fa", "ur", "tr", "pl", "ti", "ku", "en");
    static final List<AvailabilitySlot> SLOTS = allSlots();

    /** A woman, as referred. {@code firstDay} is the day of referral; she is accepted after {@code acceptDelay} days. */
    record Woman(int index, UUID id, String municipality, String network, List<Integer> childrenBirthYears, Set<String> languages,
                 Set<AvailabilitySlot> slots, Set<Interest> interests, AgeBand preferredAgeBand, int referredDay, int acceptDelay,
                 int[] matchDays, boolean[] endsEarlyAndReturns) {
    }

    record Volunteer(int index, UUID id, String municipality, String network, Set<String> languages, Set<AvailabilitySlot> slots,
                     Set<Interest> interests, AgeBand ageBand, int capacity, LocalDate certificateUntil, LocalDate renewedUntil,
                     LocalDate renewedOn, boolean paused) {

        /** Her certificate as of a day: 70% renew within a month of expiry for three more years. */
        LocalDate certificateOn(LocalDate day) {
            if (certificateUntil == null) {
                return null;
            }
            return renewedOn != null && !day.isBefore(renewedOn) ? renewedUntil : certificateUntil;
        }
    }

    final List<Woman> women = new ArrayList<>();
    final List<Volunteer> volunteers = new ArrayList<>();
    final long seed;

    Population(long seed, Geography geography, LocalDate start, int firstDay, int lastDay, double womenPerYear, int volunteerCount) {
        this.seed = seed;
        Random r = new Random(seed);
        for (int i = 0; i < volunteerCount; i++) {
            volunteers.add(volunteer(i, r, geography, start));
        }
        double perDay = womenPerYear / 365.0;
        int index = 0;
        for (int day = firstDay; day < lastDay; day++) {
            for (int k = poisson(r, perDay); k > 0; k--) {
                women.add(woman(index++, r, geography, start, day));
            }
        }
    }

    private static Woman woman(int index, Random r, Geography geography, LocalDate start, int day) {
        String municipality = geography.municipality(r);
        int year = start.plusDays(day).getYear();
        List<Integer> children = new ArrayList<>();
        if (r.nextDouble() < 0.59) {
            for (int c = 1 + r.nextInt(3); c > 0; c--) {
                children.add(year - r.nextInt(18));
            }
        }
        Set<String> languages = new HashSet<>();
        if (r.nextDouble() < 0.41) {
            languages.add(MINORITY_LANGUAGES.get(r.nextInt(MINORITY_LANGUAGES.size())));
            if (r.nextDouble() < 0.55) {
                languages.add("da");
            }
        } else {
            languages.add("da");
            if (r.nextDouble() < 0.3) {
                languages.add("en");
            }
        }
        // Up to three matches in her story: days each lasts, and whether it ends early with her back on the list.
        int[] matchDays = new int[3];
        boolean[] early = new boolean[3];
        for (int m = 0; m < 3; m++) {
            boolean endsEarly = r.nextDouble() < 0.2;
            matchDays[m] = endsEarly ? 20 + r.nextInt(70) : 150 + r.nextInt(216);
            early[m] = endsEarly && r.nextBoolean();
        }
        return new Woman(index, new UUID(0x5157L, index), municipality, geography.networkOf(municipality), List.copyOf(children),
                Set.copyOf(languages), slots(r, 2 + r.nextInt(5)), interests(r, r.nextInt(4)),
                r.nextDouble() < 0.4 ? AgeBand.values()[r.nextInt(AgeBand.values().length)] : null, day, 1 + r.nextInt(10),
                matchDays, early);
    }

    private static Volunteer volunteer(int index, Random r, Geography geography, LocalDate start) {
        String municipality = geography.municipality(r);
        Set<String> languages = new HashSet<>();
        if (r.nextDouble() < 0.97) {
            languages.add("da");
        }
        if (r.nextDouble() < 0.45) {
            languages.add("en");
        }
        if (r.nextDouble() < 0.12 || languages.isEmpty()) {
            languages.add(MINORITY_LANGUAGES.get(r.nextInt(MINORITY_LANGUAGES.size() - 1)));
        }
        double bandDraw = r.nextDouble();
        AgeBand band = bandDraw < 0.2 ? AgeBand.UNDER_30 : bandDraw < 0.5 ? AgeBand.FROM_30_TO_49 : bandDraw < 0.8 ? AgeBand.FROM_50_TO_64 : AgeBand.FROM_65;
        LocalDate certificate = null;
        LocalDate renewedOn = null;
        LocalDate renewedUntil = null;
        if (r.nextDouble() >= 0.15) {
            certificate = start.plusDays(-60 + r.nextInt(780));
            if (r.nextDouble() < 0.7) {
                renewedOn = certificate.plusDays(r.nextInt(31));
                renewedUntil = renewedOn.plusYears(3);
            }
        }
        return new Volunteer(index, new UUID(0x7a1eL, index), municipality, geography.networkOf(municipality), Set.copyOf(languages),
                slots(r, 3 + r.nextInt(7)), interests(r, 1 + r.nextInt(4)), band, r.nextDouble() < 0.85 ? 1 : 2, certificate,
                renewedUntil, renewedOn, r.nextDouble() < 0.08);
    }

    /** Whether this volunteer would say yes to this woman: fixed per pair, about 85% yes. */
    boolean accepts(Woman w, Volunteer v) {
        return mix(seed, w.index(), v.index(), 1) % 100 < 85;
    }

    /** Days the volunteer takes to answer an offer: 1-4, fixed per pair. */
    int answerDays(Woman w, Volunteer v) {
        return 1 + (int) (mix(seed, w.index(), v.index(), 2) % 4);
    }

    private static long mix(long seed, int a, int b, int salt) {
        long x = seed * 0x9E3779B97F4A7C15L + a * 0xBF58476D1CE4E5B9L + b * 0x94D049BB133111EBL + salt;
        x ^= x >>> 31;
        x *= 0x7FB5D329728EA185L;
        x ^= x >>> 27;
        return Math.floorMod(x, Long.MAX_VALUE);
    }

    private static Set<AvailabilitySlot> slots(Random r, int count) {
        Set<AvailabilitySlot> picked = new HashSet<>();
        while (picked.size() < count) {
            // Evenings and afternoons are likelier than mornings.
            AvailabilitySlot slot = SLOTS.get(r.nextInt(SLOTS.size()));
            if (slot.period() != DayPeriod.MORNING || r.nextDouble() < 0.5) {
                picked.add(slot);
            }
        }
        return Set.copyOf(picked);
    }

    private static Set<Interest> interests(Random r, int count) {
        Set<Interest> picked = new HashSet<>();
        while (picked.size() < count) {
            picked.add(Interest.values()[r.nextInt(Interest.values().length)]);
        }
        return Set.copyOf(picked);
    }

    private static int poisson(Random r, double mean) {
        double l = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private static List<AvailabilitySlot> allSlots() {
        List<AvailabilitySlot> all = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            for (DayPeriod period : DayPeriod.values()) {
                all.add(new AvailabilitySlot(day, period));
            }
        }
        return List.copyOf(all);
    }
}
