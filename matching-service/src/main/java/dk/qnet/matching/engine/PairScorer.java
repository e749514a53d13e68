package dk.qnet.matching.engine;

import dk.qnet.contracts.Municipalities;
import dk.qnet.contracts.referral.AvailabilitySlot;
import dk.qnet.contracts.referral.Interest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Checks the hard constraints of one woman-volunteer pair and scores it, with the reasons. */
public final class PairScorer {

    /** A child under this age needs a volunteer with a valid child-safety certificate. */
    public static final int CERTIFICATE_AGE = 15;

    private final EngineSettings s;

    public PairScorer(EngineSettings settings) {
        this.s = settings;
    }

    public Explanation explain(Candidate c, VolunteerProfile v) {
        List<Explanation.Check> checks = new ArrayList<>();
        boolean available = v.status() == VolunteerProfile.Status.APPROVED || v.status() == VolunteerProfile.Status.ACTIVE;
        checks.add(new Explanation.Check("VOLUNTEER_AVAILABLE", available, "Den frivillige er godkendt eller aktiv og ikke på pause"));
        checks.add(new Explanation.Check("CAPACITY", v.freeCapacity() > 0, "Den frivillige har plads til en kvinde mere"));
        boolean youngChild = c.childrenBirthYears().stream().anyMatch(y -> s.today().getYear() - y < CERTIFICATE_AGE);
        boolean certificateValid = v.certificateValidUntil() != null && !v.certificateValidUntil().isBefore(s.today());
        checks.add(new Explanation.Check("CHILD_SAFETY_CERTIFICATE", !youngChild || certificateValid,
                youngChild ? "Kvinden har børn under 15, og den frivilliges børneattest er gyldig" : "Ingen børn under 15: børneattest ikke påkrævet"));
        checks.add(new Explanation.Check("SHARED_LANGUAGE", intersects(c.languages(), v.languages()), "De har mindst ét sprog fælles"));
        Set<AvailabilitySlot> slots = intersection(c.availability(), v.availability());
        checks.add(new Explanation.Check("OVERLAPPING_AVAILABILITY", !slots.isEmpty(), "De kan mødes på mindst ét fælles tidspunkt"));
        checks.add(new Explanation.Check("NOT_EXCLUDED", !c.excludedVolunteers().contains(v.volunteerId()),
                "Parret er ikke tidligere afvist eller endt dårligt"));
        boolean sameNetwork = Objects.equals(c.networkId(), v.networkId());
        boolean sameRegion = region(c.municipalityCode()).equals(region(v.municipalityCode()));
        checks.add(new Explanation.Check("NETWORK", sameNetwork || sameRegion,
                sameNetwork ? "Samme lokale netværk" : "Nabonetværk i samme region"));

        List<Explanation.Component> components = new ArrayList<>();
        components.add(new Explanation.Component("BASE", s.base(), "Grundpoint for et muligt match"));
        Set<Interest> shared = intersection(c.interests(), v.interests());
        if (!shared.isEmpty()) {
            components.add(new Explanation.Component("SHARED_INTERESTS", Math.min(s.maxInterests(), shared.size() * s.perSharedInterest()),
                    shared.size() + " fælles interesse(r)"));
        }
        if (c.preferredAgeBand() != null && c.preferredAgeBand() == v.ageBand()) {
            components.add(new Explanation.Component("AGE_BAND", s.ageBandMatch(), "Den frivillige er i den ønskede aldersgruppe"));
        }
        if (slots.size() > 1) {
            components.add(new Explanation.Component("MORE_SLOTS", Math.min(s.maxExtraSlots(), (slots.size() - 1) * s.perExtraSlot()),
                    slots.size() + " fælles tidspunkter"));
        }
        if (Objects.equals(c.municipalityCode(), v.municipalityCode())) {
            components.add(new Explanation.Component("SAME_MUNICIPALITY", s.sameMunicipality(), "Bor i samme kommune"));
        }
        long weeks = Math.max(0, Duration.between(c.waitingSince(), s.today().atStartOfDay().toInstant(ZoneOffset.UTC)).toDays() / 7);
        if (weeks > 0) {
            components.add(new Explanation.Component("WAITING_TIME", (int) Math.min(s.maxWaiting(), weeks * s.perWeekWaited()),
                    "Har ventet " + weeks + " uge(r)"));
        }
        if (c.waitlistPriority()) {
            components.add(new Explanation.Component("WAITLIST_PRIORITY", s.waitlistPriority(), "Tilbage på ventelisten efter et match, der sluttede tidligt"));
        }
        if (!sameNetwork) {
            components.add(new Explanation.Component("NEIGHBOUR_NETWORK", -s.neighbourNetworkPenalty(), "Den frivillige hører til et nabonetværk"));
        }
        int score = components.stream().mapToInt(Explanation.Component::points).sum();
        return new Explanation(score, List.copyOf(components), List.copyOf(checks));
    }

    private static String region(String municipalityCode) {
        return Municipalities.regionOf(municipalityCode).orElse("?" + municipalityCode);
    }

    private static <T> boolean intersects(Set<T> a, Set<T> b) {
        return a.stream().anyMatch(b::contains);
    }

    private static <T> Set<T> intersection(Set<T> a, Set<T> b) {
        Set<T> result = new HashSet<>(a);
        result.retainAll(b);
        return result;
    }
}
