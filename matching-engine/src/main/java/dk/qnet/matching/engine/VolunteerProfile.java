package dk.qnet.matching.engine;

import dk.qnet.contracts.referral.AgeBand;
import dk.qnet.contracts.referral.AvailabilitySlot;
import dk.qnet.contracts.referral.Interest;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * A volunteer as the engine sees her.
 *
 * @param freeCapacity how many more women she can support now (capacity minus current matches)
 * @param certificateValidUntil the expiry of her child-safety certificate (børneattest); null if none
 */
public record VolunteerProfile(UUID volunteerId, String networkId, String municipalityCode, Status status,
                               Set<String> languages, Set<AvailabilitySlot> availability, Set<Interest> interests,
                               AgeBand ageBand, int freeCapacity, LocalDate certificateValidUntil) {

    public enum Status {
        APPLIED,
        APPROVED,
        ACTIVE,
        PAUSED,
        INACTIVE
    }
}
