package dk.qnet.referral.service;

import dk.qnet.contracts.Limits;
import dk.qnet.contracts.referral.AgeBand;
import dk.qnet.contracts.referral.AvailabilitySlot;
import dk.qnet.contracts.referral.ConsentScope;
import dk.qnet.contracts.referral.Interest;
import dk.qnet.contracts.referral.Need;
import dk.qnet.platform.validation.DanishPhone;
import dk.qnet.platform.validation.EmailAddress;
import dk.qnet.platform.validation.FieldRules;
import dk.qnet.platform.validation.LanguageCode;
import dk.qnet.platform.validation.MunicipalityCode;
import dk.qnet.platform.validation.PlainText;
import dk.qnet.referral.Child;
import dk.qnet.referral.ConsentMethod;
import dk.qnet.referral.PersonalData.PreferredContact;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of POST /api/v1/referrals. The sender comes from the token, never from here. The
 * annotations are the rules: Bean Validation enforces them (RequestRules) and the OpenAPI
 * document states them; {@link ReferralRequestValidator} adds what depends on today or on
 * another field, in the same answer.
 */
public record NewReferral(
        @NotNull @Valid Woman woman,
        @NotNull @Valid Safety safety,
        @NotNull @MunicipalityCode @Size(min = Limits.MUNICIPALITY_CODE_LENGTH, max = Limits.MUNICIPALITY_CODE_LENGTH) String municipalityCode,
        @NotNull LocalDate expectedMoveOutDate,
        @Size(max = ReferralRequestValidator.MAX_CHILDREN) List<@NotNull @Valid NewChild> children,
        @NotNull @Valid Matching matching,
        @NotNull @Valid Consent consent) {

    public record Woman(@NotBlank @Size(max = ReferralRequestValidator.MAX_NAME) @PlainText String firstName,
                        @NotBlank @Size(max = ReferralRequestValidator.MAX_NAME) @PlainText String lastName,
                        @NotNull @DanishPhone @Size(max = FieldRules.MAX_PHONE) String phone,
                        @EmailAddress @Size(max = FieldRules.MAX_EMAIL) String email,
                        @NotNull PreferredContact preferredContact,
                        @Size(max = ReferralRequestValidator.MAX_CONTACT_TIMES) @PlainText String contactTimes) {
    }

    public record Safety(@NotNull Boolean safeToLeaveMessage, @NotNull Boolean protectedAddress,
                         @Size(max = ReferralRequestValidator.MAX_SAFETY_NOTES) @PlainText String safetyNotes) {
    }

    /** A child's birth year lies within the last {@link ReferralRequestValidator#MAX_CHILD_AGE} years; the bounds below hold for any year this code runs in. */
    public record NewChild(@NotNull @Min(Child.MIN_BIRTH_YEAR) @Max(Child.MAX_BIRTH_YEAR) Integer birthYear, Child.Sex sex) {
    }

    public record Matching(@NotEmpty(message = "at least one language is required") @Size(max = Limits.MAX_LANGUAGES)
                           List<@NotNull @LanguageCode @Size(min = Limits.LANGUAGE_CODE_LENGTH, max = Limits.LANGUAGE_CODE_LENGTH) String> languages,
                           @Size(max = Limits.MAX_CODES) List<@NotNull Need> needs,
                           @Size(max = Limits.MAX_CODES) List<@NotNull AvailabilitySlot> availability,
                           @Valid Preferences preferences) {
    }

    public record Preferences(AgeBand volunteerAgeBand, @Size(max = Limits.MAX_CODES) List<@NotNull Interest> interests,
                              @Size(max = ReferralRequestValidator.MAX_WISHES) @PlainText String wishes) {
    }

    public record Consent(@NotNull @Size(max = Limits.MAX_CODES) List<@NotNull ConsentScope> scopes, @NotNull Instant givenAt,
                          @NotNull ConsentMethod method) {
    }
}
