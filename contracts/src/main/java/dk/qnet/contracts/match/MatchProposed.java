package dk.qnet.contracts.match;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The engine proposed a volunteer for a woman. Published once per new pair, not on every re-run
 * that proposes the same pair again. Ids are pseudonymous; the record key is the referral id.
 */
public record MatchProposed(UUID proposalId, UUID referralId, String networkId, UUID volunteerId, int score, Instant at) {

    public MatchProposed {
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(volunteerId, "volunteerId");
        Objects.requireNonNull(at, "at");
    }
}
