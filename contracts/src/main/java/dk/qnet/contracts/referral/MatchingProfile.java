package dk.qnet.contracts.referral;

import java.util.List;

/** The non-identifying matching inputs of a referral, as they travel to matching-service. */
public record MatchingProfile(
        List<String> languages,
        List<Need> needs,
        List<AvailabilitySlot> availability,
        AgeBand volunteerAgeBand,
        List<Interest> interests) {

    public MatchingProfile {
        languages = languages == null ? List.of() : List.copyOf(languages);
        needs = needs == null ? List.of() : List.copyOf(needs);
        availability = availability == null ? List.of() : List.copyOf(availability);
        interests = interests == null ? List.of() : List.copyOf(interests);
    }
}
