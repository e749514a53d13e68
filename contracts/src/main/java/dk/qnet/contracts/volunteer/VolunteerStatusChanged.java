package dk.qnet.contracts.volunteer;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A volunteer was registered (previousStatus null) or changed status. Only her pseudonymous id,
 * network and status: never her name or contact data. Key: the volunteer id.
 */
public record VolunteerStatusChanged(UUID volunteerId, String networkId, String status, String previousStatus,
                                     Instant at) {

    public VolunteerStatusChanged {
        Objects.requireNonNull(volunteerId, "volunteerId");
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }
}
