package dk.qnet.contracts.match;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A coordinator approved a proposal: the match is OFFERED to the volunteer. Key: the referral id. */
public record MatchOffered(UUID matchId, UUID referralId, String networkId, UUID volunteerId, int score, Instant at) {

    public MatchOffered {
        Objects.requireNonNull(matchId, "matchId");
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(volunteerId, "volunteerId");
        Objects.requireNonNull(at, "at");
    }
}
