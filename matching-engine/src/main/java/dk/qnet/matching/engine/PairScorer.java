package dk.qnet.matching.engine;

import dk.qnet.contracts.Municipalities;
import dk.qnet.contracts.referral.AvailabilitySlot;
import dk.qnet.contracts.referral.DayPeriod;
import dk.qnet.contracts.referral.Interest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
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
     * fails.
     */
    public int score(Candidate c, VolunteerProfile v) {
        Tally t = new Tally(false);
        evaluate(c, v, t);
        return t.feasible ? t.score : -1;
    }

    /** The women and volunteers of one batch, ready to be scored pair by pair. */
    public Batch batch(List<Candidate> women, List<VolunteerProfile> volunteers) {
        return new Batch(women, volunteers);
    }

    /**
     * One batch with every input a person brings turned into numbers once: languages, times and
     * interests as bit masks, network, municipality and region as small integers. {@link #score}
     * is then a few machine operations per pair, where a national batch has tens of millions of
     * pairs. The rules are those of {@link #explain}, written a second time for speed; a property
     * test holds the two equal.
     */
    public final class Batch {
        private final int words;
        private final long[] womanLanguages;
        private final long[] volunteerLanguages;
        private final long[] womanSlots;
        private final long[] volunteerSlots;
        private final long[] womanInterests;
        private final long[] volunteerInterests;
        private final int[] womanNetwork;
        private final int[] volunteerNetwork;
        private final int[] womanMunicipality;
        private final int[] volunteerMunicipality;
        private final int[] womanRegion;
        private final int[] volunteerRegion;
        private final int[] womanAgeBand;
        private final int[] volunteerAgeBand;
        private final boolean[] youngChild;
        private final boolean[] volunteerOpen;
        private final boolean[] certificateValid;
        /** The points that depend on the woman alone: the base, waiting time and priority. */
        private final int[] womanPoints;
        private final List<Set<UUID>> excluded;
        private final UUID[] volunteerIds;

        private Batch(List<Candidate> women, List<VolunteerProfile> volunteers) {
            Map<String, Integer> languages = new HashMap<>();
            women.forEach(c -> c.languages().forEach(l -> languages.putIfAbsent(l, languages.size())));
            volunteers.forEach(v -> v.languages().forEach(l -> languages.putIfAbsent(l, languages.size())));
            words = Math.max(1, (languages.size() + 63) / 64);
            Map<String, Integer> networks = new HashMap<>();
            Map<String, Integer> municipalities = new HashMap<>();
            Map<String, Integer> regions = new HashMap<>();
            int n = women.size();
            int m = volunteers.size();
            womanLanguages = new long[n * words];
            womanSlots = new long[n];
            womanInterests = new long[n];
            womanNetwork = new int[n];
            womanMunicipality = new int[n];
            womanRegion = new int[n];
            womanAgeBand = new int[n];
            youngChild = new boolean[n];
            womanPoints = new int[n];
            excluded = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Candidate c = women.get(i);
                int row = i;
                c.languages().forEach(l -> set(womanLanguages, row * words * 64 + languages.get(l)));
                womanSlots[i] = slots(c.availability());
                womanInterests[i] = interests(c.interests());
                womanNetwork[i] = id(networks, c.networkId());
                womanMunicipality[i] = id(municipalities, c.municipalityCode());
                womanRegion[i] = id(regions, region(c.municipalityCode()));
                womanAgeBand[i] = c.preferredAgeBand() == null ? -1 : c.preferredAgeBand().ordinal();
                youngChild[i] = c.childrenBirthYears().stream().anyMatch(y -> s.today().getYear() - y < CERTIFICATE_AGE);
                long weeks = Math.max(0, Duration.between(c.waitingSince(), s.today().atStartOfDay().toInstant(ZoneOffset.UTC)).toDays() / 7);
                womanPoints[i] = s.base() + (int) Math.min(s.maxWaiting(), weeks * s.perWeekWaited())
                        + (c.waitlistPriority() ? s.waitlistPriority() : 0);
                excluded.add(c.excludedVolunteers());
            }
            volunteerLanguages = new long[m * words];
            volunteerSlots = new long[m];
            volunteerInterests = new long[m];
            volunteerNetwork = new int[m];
            volunteerMunicipality = new int[m];
            volunteerRegion = new int[m];
            volunteerAgeBand = new int[m];
            volunteerOpen = new boolean[m];
            certificateValid = new boolean[m];
            volunteerIds = new UUID[m];
            for (int j = 0; j < m; j++) {
                VolunteerProfile v = volunteers.get(j);
                int row = j;
                v.languages().forEach(l -> set(volunteerLanguages, row * words * 64 + languages.get(l)));
                volunteerSlots[j] = slots(v.availability());
                volunteerInterests[j] = interests(v.interests());
                volunteerNetwork[j] = id(networks, v.networkId());
                volunteerMunicipality[j] = id(municipalities, v.municipalityCode());
                volunteerRegion[j] = id(regions, region(v.municipalityCode()));
                volunteerAgeBand[j] = v.ageBand() == null ? -2 : v.ageBand().ordinal();
                volunteerOpen[j] = (v.status() == VolunteerProfile.Status.APPROVED || v.status() == VolunteerProfile.Status.ACTIVE)
                        && v.freeCapacity() > 0;
                certificateValid[j] = v.certificateValidUntil() != null && !v.certificateValidUntil().isBefore(s.today());
                volunteerIds[j] = v.volunteerId();
            }
        }

        /** The score of woman i with volunteer j, or -1 when a hard constraint fails. */
        public int score(int i, int j) {
            if (!volunteerOpen[j] || youngChild[i] && !certificateValid[j]) {
                return -1;
            }
            long sharedSlots = womanSlots[i] & volunteerSlots[j];
            if (sharedSlots == 0 || !shareLanguage(i, j)) {
                return -1;
            }
            boolean sameNetwork = womanNetwork[i] == volunteerNetwork[j];
            if (!sameNetwork && womanRegion[i] != volunteerRegion[j]) {
                return -1;
            }
            Set<UUID> out = excluded.get(i);
            if (!out.isEmpty() && out.contains(volunteerIds[j])) {
                return -1;
            }
            int score = womanPoints[i];
            int interests = Long.bitCount(womanInterests[i] & volunteerInterests[j]);
            if (interests > 0) {
                score += Math.min(s.maxInterests(), interests * s.perSharedInterest());
            }
            if (womanAgeBand[i] == volunteerAgeBand[j]) {
                score += s.ageBandMatch();
            }
            int slots = Long.bitCount(sharedSlots);
            if (slots > 1) {
                score += Math.min(s.maxExtraSlots(), (slots - 1) * s.perExtraSlot());
            }
            if (womanMunicipality[i] == volunteerMunicipality[j]) {
                score += s.sameMunicipality();
            }
            if (!sameNetwork) {
                score -= s.neighbourNetworkPenalty();
            }
            return score;
        }

        private boolean shareLanguage(int i, int j) {
            for (int w = 0; w < words; w++) {
                if ((womanLanguages[i * words + w] & volunteerLanguages[j * words + w]) != 0) {
                    return true;
                }
            }
            return false;
        }
    }

    private static void set(long[] bits, int index) {
        bits[index >>> 6] |= 1L << (index & 63);
    }

    private static int id(Map<String, Integer> ids, String key) {
        return ids.computeIfAbsent(key, k -> ids.size());
    }

    private static long slots(Set<AvailabilitySlot> slots) {
        long mask = 0;
        for (AvailabilitySlot slot : slots) {
            mask |= 1L << (slot.day().ordinal() * DayPeriod.values().length + slot.period().ordinal());
        }
        return mask;
    }

    private static long interests(Set<Interest> interests) {
        long mask = 0;
        for (Interest interest : interests) {
            mask |= 1L << interest.ordinal();
        }
        return mask;
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
