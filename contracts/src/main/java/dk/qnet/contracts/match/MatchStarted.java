package dk.qnet.contracts.match;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The first meeting was held: the match is ACTIVE. Ids are pseudonymous; the record key is the referral id. */
public record MatchStarted(UUID matchId, UUID referralId, String networkId, UUID volunteerId, Instant at) {

    public MatchStarted {
        Objects.requireNonNull(matchId, "matchId");
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(at, "at");
    }
}
