package dk.qnet.referral.service;

import dk.qnet.contracts.Limits;
import dk.qnet.contracts.referral.AgeBand;
import dk.qnet.contracts.referral.AvailabilitySlot;
import dk.qnet.contracts.referral.ConsentScope;
import dk.qnet.contracts.referral.Interest;
import dk.qnet.contracts.referral.Need;
import dk.qnet.platform.validation.FieldRules;
import dk.qnet.referral.Child;
import dk.qnet.referral.ConsentMethod;
import dk.qnet.referral.PersonalData.PreferredContact;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of POST /api/v1/referrals. The sender comes from the token, never from here. The
 * bounds are stated here for the OpenAPI document; {@link ReferralRequestValidator} enforces them
 * with the same constants, together with every other rule, in one answer.
 */
public record NewReferral(
        Woman woman,
        Safety safety,
        @Size(min = Limits.MUNICIPALITY_CODE_LENGTH, max = Limits.MUNICIPALITY_CODE_LENGTH) String municipalityCode,
        LocalDate expectedMoveOutDate,
        @Size(max = ReferralRequestValidator.MAX_CHILDREN) List<NewChild> children,
        Matching matching,
        Consent consent) {

    public record Woman(@Size(max = ReferralRequestValidator.MAX_NAME) String firstName,
                        @Size(max = ReferralRequestValidator.MAX_NAME) String lastName,
                        @Size(max = FieldRules.MAX_PHONE) String phone,
                        @Size(max = FieldRules.MAX_EMAIL) String email,
                        PreferredContact preferredContact,
                        @Size(max = ReferralRequestValidator.MAX_CONTACT_TIMES) String contactTimes) {
    }

    public record Safety(Boolean safeToLeaveMessage, Boolean protectedAddress,
                         @Size(max = ReferralRequestValidator.MAX_SAFETY_NOTES) String safetyNotes) {
    }

    /** A child's birth year lies within the last {@link ReferralRequestValidator#MAX_CHILD_AGE} years; the bounds below hold for any year this code runs in. */
    public record NewChild(@Min(Child.MIN_BIRTH_YEAR) @Max(Child.MAX_BIRTH_YEAR) Integer birthYear, Child.Sex sex) {
    }

    public record Matching(@Size(max = Limits.MAX_LANGUAGES) List<@Size(min = Limits.LANGUAGE_CODE_LENGTH, max = Limits.LANGUAGE_CODE_LENGTH) String> languages,
                           @Size(max = Limits.MAX_CODES) List<Need> needs,
                           @Size(max = Limits.MAX_CODES) List<AvailabilitySlot> availability,
                           Preferences preferences) {
    }

    public record Preferences(AgeBand volunteerAgeBand, @Size(max = Limits.MAX_CODES) List<Interest> interests,
                              @Size(max = ReferralRequestValidator.MAX_WISHES) String wishes) {
    }

    public record Consent(@Size(max = Limits.MAX_CODES) List<ConsentScope> scopes, Instant givenAt, ConsentMethod method) {
    }
}
