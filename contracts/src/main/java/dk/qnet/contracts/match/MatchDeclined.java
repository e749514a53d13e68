package dk.qnet.contracts.match;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The volunteer declined the offer: the referral goes back to the pool. Ids are pseudonymous; the record key is the referral id. */
public record MatchDeclined(UUID matchId, UUID referralId, String networkId, UUID volunteerId, Instant at) {

    public MatchDeclined {
        Objects.requireNonNull(matchId, "matchId");
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(at, "at");
    }
}
