package dk.qnet.contracts.activity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An activity was cancelled. The registrations to notify travel by their pseudonymous
 * registration ids only.
 */
public record ActivityCancelled(UUID activityId, String networkId, List<UUID> registrationIds, Instant cancelledAt) {

    public ActivityCancelled {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
        registrationIds = registrationIds == null ? List.of() : List.copyOf(registrationIds);
    }
}
