package dk.qnet.contracts.match;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A match ended. {@code early} is true when it ended before three months: the woman goes back on
 * the waitlist with priority, unless she withdrew her consent.
 */
public record MatchEnded(UUID matchId, UUID referralId, String networkId, UUID volunteerId, MatchEndReason reason,
                         int durationDays, boolean early, Instant at) {

    public MatchEnded {
        Objects.requireNonNull(matchId, "matchId");
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
