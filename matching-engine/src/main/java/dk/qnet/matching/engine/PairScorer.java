package dk.qnet.matching.engine;

import dk.qnet.contracts.Municipalities;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/** Checks the hard constraints of one woman-volunteer pair and scores it, with the reasons. */
public final class PairScorer {

    /** A child under this age needs a volunteer with a valid child-safety certificate. */
    public static final int CERTIFICATE_AGE = 15;

    private final EngineSettings s;

    public PairScorer(EngineSettings settings) {
        this.s = settings;
    }

    /** The score with every component and every constraint checked, in words for the coordinator. */
    public Explanation explain(Candidate c, VolunteerProfile v) {
        Tally t = new Tally(true);
        evaluate(c, v, t);
        return new Explanation(t.score, List.copyOf(t.components), List.copyOf(t.checks));
    }

    /**
     * The same score as {@link #explain} without building the texts, or -1 when a hard constraint
     * fails: what the engine evaluates for every pair of a batch.
     */
    public int score(Candidate c, VolunteerProfile v) {
        Tally t = new Tally(false);
        evaluate(c, v, t);
        return t.feasible ? t.score : -1;
    }

    /** Collects the checks and the points; texts are only made when they will be read. */
    private static final class Tally {
        final boolean explain;
        final List<Explanation.Check> checks = new ArrayList<>();
        final List<Explanation.Component> components = new ArrayList<>();
        boolean feasible = true;
        int score;

        Tally(boolean explain) {
            this.explain = explain;
        }

        void check(String code, boolean passed, Supplier<String> text) {
            feasible &= passed;
            if (explain) {
                checks.add(new Explanation.Check(code, passed, text.get()));
            }
        }

        void add(String code, int points, Supplier<String> text) {
            score += points;
            if (explain) {
                components.add(new Explanation.Component(code, points, text.get()));
            }
        }
    }

    private void evaluate(Candidate c, VolunteerProfile v, Tally t) {
        boolean available = v.status() == VolunteerProfile.Status.APPROVED || v.status() == VolunteerProfile.Status.ACTIVE;
        t.check("VOLUNTEER_AVAILABLE", available, () -> "Den frivillige er godkendt eller aktiv og ikke på pause");
        t.check("CAPACITY", v.freeCapacity() > 0, () -> "Den frivillige har plads til en kvinde mere");
        boolean youngChild = c.childrenBirthYears().stream().anyMatch(y -> s.today().getYear() - y < CERTIFICATE_AGE);
        boolean certificateValid = v.certificateValidUntil() != null && !v.certificateValidUntil().isBefore(s.today());
        t.check("CHILD_SAFETY_CERTIFICATE", !youngChild || certificateValid,
                () -> youngChild ? "Kvinden har børn under 15, og den frivilliges børneattest er gyldig" : "Ingen børn under 15: børneattest ikke påkrævet");
        t.check("SHARED_LANGUAGE", intersects(c.languages(), v.languages()), () -> "De har mindst ét sprog fælles");
        int slots = countShared(c.availability(), v.availability());
        t.check("OVERLAPPING_AVAILABILITY", slots > 0, () -> "De kan mødes på mindst ét fælles tidspunkt");
        t.check("NOT_EXCLUDED", !c.excludedVolunteers().contains(v.volunteerId()), () -> "Parret er ikke tidligere afvist eller endt dårligt");
        boolean sameNetwork = Objects.equals(c.networkId(), v.networkId());
        boolean sameRegion = region(c.municipalityCode()).equals(region(v.municipalityCode()));
        t.check("NETWORK", sameNetwork || sameRegion, () -> sameNetwork ? "Samme lokale netværk" : "Nabonetværk i samme region");
        if (!t.feasible && !t.explain) {
            return;
        }

        t.add("BASE", s.base(), () -> "Grundpoint for et muligt match");
        int interests = countShared(c.interests(), v.interests());
        if (interests > 0) {
            t.add("SHARED_INTERESTS", Math.min(s.maxInterests(), interests * s.perSharedInterest()), () -> interests + " fælles interesse(r)");
        }
        if (c.preferredAgeBand() != null && c.preferredAgeBand() == v.ageBand()) {
            t.add("AGE_BAND", s.ageBandMatch(), () -> "Den frivillige er i den ønskede aldersgruppe");
        }
        if (slots > 1) {
            t.add("MORE_SLOTS", Math.min(s.maxExtraSlots(), (slots - 1) * s.perExtraSlot()), () -> slots + " fælles tidspunkter");
        }
        if (Objects.equals(c.municipalityCode(), v.municipalityCode())) {
            t.add("SAME_MUNICIPALITY", s.sameMunicipality(), () -> "Bor i samme kommune");
        }
        long weeks = Math.max(0, Duration.between(c.waitingSince(), s.today().atStartOfDay().toInstant(ZoneOffset.UTC)).toDays() / 7);
        if (weeks > 0) {
            t.add("WAITING_TIME", (int) Math.min(s.maxWaiting(), weeks * s.perWeekWaited()), () -> "Har ventet " + weeks + " uge(r)");
        }
        if (c.waitlistPriority()) {
            t.add("WAITLIST_PRIORITY", s.waitlistPriority(), () -> "Tilbage på ventelisten efter et match, der sluttede tidligt");
        }
        if (!sameNetwork) {
            t.add("NEIGHBOUR_NETWORK", -s.neighbourNetworkPenalty(), () -> "Den frivillige hører til et nabonetværk");
        }
    }

    private static String region(String municipalityCode) {
        return Municipalities.regionOf(municipalityCode).orElse("?" + municipalityCode);
    }

    private static <T> boolean intersects(Set<T> a, Set<T> b) {
        return a.stream().anyMatch(b::contains);
    }

    private static <T> int countShared(Set<T> a, Set<T> b) {
        int shared = 0;
        for (T t : a) {
            if (b.contains(t)) {
                shared++;
            }
        }
        return shared;
    }
}
