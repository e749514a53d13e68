package dk.qnet.contracts.match;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A woman's ratings at one timepoint of her match. Published only when her consent covers
 * STATISTICS. Key: the referral id, which statistics-service keeps only as a keyed hash.
 */
public record OutcomeRecorded(UUID matchId, UUID referralId, String networkId, OutcomeTimepoint timepoint,
                              OutcomeRatings ratings, Instant at) {

    public OutcomeRecorded {
        Objects.requireNonNull(matchId, "matchId");
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(timepoint, "timepoint");
        Objects.requireNonNull(ratings, "ratings");
        Objects.requireNonNull(at, "at");
    }
}
