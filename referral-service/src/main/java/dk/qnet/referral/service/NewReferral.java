package dk.qnet.referral.service;

import dk.qnet.contracts.referral.AgeBand;
import dk.qnet.contracts.referral.AvailabilitySlot;
import dk.qnet.contracts.referral.ConsentScope;
import dk.qnet.contracts.referral.Interest;
import dk.qnet.contracts.referral.Need;
import dk.qnet.referral.Child;
import dk.qnet.referral.ConsentMethod;
import dk.qnet.referral.PersonalData.PreferredContact;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The body of POST /api/v1/referrals. The sender comes from the token, never from here. */
public record NewReferral(
        Woman woman,
        Safety safety,
        String municipalityCode,
        LocalDate expectedMoveOutDate,
        List<NewChild> children,
        Matching matching,
        Consent consent) {

    public record Woman(String firstName, String lastName, String phone, String email,
                        PreferredContact preferredContact, String contactTimes) {
    }

    public record Safety(Boolean safeToLeaveMessage, Boolean protectedAddress, String safetyNotes) {
    }

    public record NewChild(Integer birthYear, Child.Sex sex) {
    }

    public record Matching(List<String> languages, List<Need> needs, List<AvailabilitySlot> availability,
                           Preferences preferences) {
    }

    public record Preferences(AgeBand volunteerAgeBand, List<Interest> interests, String wishes) {
    }

    public record Consent(List<ConsentScope> scopes, Instant givenAt, ConsentMethod method) {
    }
}
