package dk.qnet.matching.volunteer;

import dk.qnet.contracts.Limits;
import dk.qnet.contracts.network.NetworkIds;
import dk.qnet.contracts.referral.AgeBand;
import dk.qnet.contracts.referral.AvailabilitySlot;
import dk.qnet.contracts.referral.Interest;
import dk.qnet.platform.validation.DanishPhone;
import dk.qnet.platform.validation.EmailAddress;
import dk.qnet.platform.validation.FieldRules;
import dk.qnet.platform.validation.LanguageCode;
import dk.qnet.platform.validation.MunicipalityCode;
import dk.qnet.platform.validation.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** A volunteer's profile as her coordinator enters it. Admin names the network; a coordinator's is her own. */
public record VolunteerRequest(@Size(max = NetworkIds.MAX_LENGTH) String networkId,
                               @NotBlank @Size(max = Volunteer.MAX_FIRST_NAME) @PlainText String firstName,
                               @DanishPhone @Size(max = FieldRules.MAX_PHONE) String phone,
                               @EmailAddress @Size(max = FieldRules.MAX_EMAIL) String email,
                               @NotNull @MunicipalityCode @Size(min = Limits.MUNICIPALITY_CODE_LENGTH, max = Limits.MUNICIPALITY_CODE_LENGTH) String municipalityCode,
                               @NotEmpty(message = "at least one language is required") @Size(min = 1, max = Limits.MAX_LANGUAGES)
                               List<@NotNull @LanguageCode @Size(min = Limits.LANGUAGE_CODE_LENGTH, max = Limits.LANGUAGE_CODE_LENGTH) String> languages,
                               @NotEmpty(message = "at least one slot is required") @Size(min = 1, max = Limits.MAX_CODES) List<@NotNull AvailabilitySlot> availability,
                               @Size(max = Limits.MAX_CODES) List<@NotNull Interest> interests,
                               @NotNull AgeBand ageBand,
                               @Min(Volunteer.MIN_CAPACITY) @Max(Volunteer.MAX_CAPACITY) Integer capacity,
                               LocalDate trainingCompletedOn, LocalDate certificateValidUntil) {
}
