package dk.qnet.contracts.activity;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An activity took place, with how many women, children and volunteers came. Counts only. */
public record ActivityHeld(UUID activityId, String networkId, ActivityType type, Instant startsAt,
                           int women, int children, int volunteers) {

    public ActivityHeld {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(startsAt, "startsAt");
        if (women < 0 || children < 0 || volunteers < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}
