package dk.qnet.matching.volunteer;

import dk.qnet.contracts.referral.AgeBand;
import dk.qnet.contracts.referral.AvailabilitySlot;
import dk.qnet.contracts.referral.Interest;
import java.time.LocalDate;
import java.util.List;

/** A volunteer's profile as her coordinator enters it. Admin names the network; a coordinator's is her own. */
public record VolunteerRequest(String networkId, String firstName, String phone, String email, String municipalityCode,
                               List<String> languages, List<AvailabilitySlot> availability, List<Interest> interests,
                               AgeBand ageBand, Integer capacity, LocalDate trainingCompletedOn, LocalDate certificateValidUntil) {
}
