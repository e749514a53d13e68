package dk.qnet.contracts.match;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A meeting was held: its date and duration, and nothing else. Key: the referral id. */
public record MeetingLogged(UUID meetingId, UUID matchId, UUID referralId, String networkId, LocalDate heldOn,
                            int durationMinutes, Instant at) {

    public MeetingLogged {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(matchId, "matchId");
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(heldOn, "heldOn");
        Objects.requireNonNull(at, "at");
    }
}
