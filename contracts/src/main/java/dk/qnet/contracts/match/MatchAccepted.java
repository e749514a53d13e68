package dk.qnet.contracts.match;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The volunteer accepted the offer: the woman is MATCHED. Ids are pseudonymous; the record key is the referral id. */
public record MatchAccepted(UUID matchId, UUID referralId, String networkId, UUID volunteerId, Instant at) {

    public MatchAccepted {
        Objects.requireNonNull(matchId, "matchId");
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(at, "at");
    }
}
