package dk.qnet.contracts.activity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A network planned an activity. No title, description or venue: free text stays in the service. */
public record ActivityScheduled(UUID activityId, String networkId, ActivityType type, List<Audience> audience,
                                Instant startsAt, Instant endsAt, int capacity) {

    public ActivityScheduled {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(startsAt, "startsAt");
        audience = audience == null ? List.of() : List.copyOf(audience);
    }
}
