package dk.qnet.matching.volunteer;

import dk.qnet.contracts.Limits;
import dk.qnet.contracts.network.NetworkIds;
import dk.qnet.contracts.referral.AgeBand;
import dk.qnet.contracts.referral.AvailabilitySlot;
import dk.qnet.contracts.referral.Interest;
import dk.qnet.platform.validation.FieldRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** A volunteer's profile as her coordinator enters it. Admin names the network; a coordinator's is her own. */
public record VolunteerRequest(@Size(max = NetworkIds.MAX_LENGTH) String networkId,
                               @Size(max = Volunteer.MAX_FIRST_NAME) String firstName,
                               @Size(max = FieldRules.MAX_PHONE) String phone,
                               @Size(max = FieldRules.MAX_EMAIL) String email,
                               @Size(min = Limits.MUNICIPALITY_CODE_LENGTH, max = Limits.MUNICIPALITY_CODE_LENGTH) String municipalityCode,
                               @Size(min = 1, max = Limits.MAX_LANGUAGES) List<@Size(min = Limits.LANGUAGE_CODE_LENGTH, max = Limits.LANGUAGE_CODE_LENGTH) String> languages,
                               @Size(min = 1, max = Limits.MAX_CODES) List<AvailabilitySlot> availability,
                               @Size(max = Limits.MAX_CODES) List<Interest> interests,
                               AgeBand ageBand,
                               @Min(Volunteer.MIN_CAPACITY) @Max(Volunteer.MAX_CAPACITY) Integer capacity,
                               LocalDate trainingCompletedOn, LocalDate certificateValidUntil) {
}
