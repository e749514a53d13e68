package dk.qnet.contracts.referral;

import dk.qnet.contracts.Limits;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The non-identifying matching inputs of a referral, as they travel to matching-service. */
public record MatchingProfile(
        @Schema(maxItems = Limits.MAX_LANGUAGES, description = "ISO 639-1 codes, such as da.") List<@Size(min = Limits.LANGUAGE_CODE_LENGTH, max = Limits.LANGUAGE_CODE_LENGTH) String> languages,
        @Schema(maxItems = Limits.MAX_CODES) List<Need> needs,
        @Schema(maxItems = Limits.MAX_CODES) List<AvailabilitySlot> availability,
        AgeBand volunteerAgeBand,
        @Schema(maxItems = Limits.MAX_CODES) List<Interest> interests) {

    public MatchingProfile {
        languages = languages == null ? List.of() : List.copyOf(languages);
        needs = needs == null ? List.of() : List.copyOf(needs);
        availability = availability == null ? List.of() : List.copyOf(availability);
        interests = interests == null ? List.of() : List.copyOf(interests);
    }
}
