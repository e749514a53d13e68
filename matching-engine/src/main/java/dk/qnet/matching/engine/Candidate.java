package dk.qnet.matching.engine;

import dk.qnet.contracts.referral.AgeBand;
import dk.qnet.contracts.referral.AvailabilitySlot;
import dk.qnet.contracts.referral.Interest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A woman waiting for a volunteer, as the engine sees her: a pseudonymous id and matching inputs.
 *
 * @param waitlistPriority true when she is back on the waitlist after a match ended early
 * @param excludedVolunteers volunteers who declined her, or whose match with her ended badly
 */
public record Candidate(UUID referralId, String networkId, String municipalityCode, List<Integer> childrenBirthYears,
                        Set<String> languages, Set<AvailabilitySlot> availability, Set<Interest> interests,
                        AgeBand preferredAgeBand, Instant waitingSince, boolean waitlistPriority,
                        Set<UUID> excludedVolunteers) {
}
