package dk.qnet.contracts.volunteer;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A volunteer was registered (previousStatus null) or changed status. Only her pseudonymous id,
 * network and status: never her name or contact data. A status newer than the reader reads as
 * {@link Status#UNKNOWN}. Key: the volunteer id.
 */
public record VolunteerStatusChanged(UUID volunteerId, String networkId, Status status, Status previousStatus,
                                     Instant at) {

    public VolunteerStatusChanged {
        Objects.requireNonNull(volunteerId, "volunteerId");
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }

    /** The volunteer lifecycle's statuses, as they travel (their names). */
    public enum Status {
        APPLIED,
        APPROVED,
        ACTIVE,
        PAUSED,
        INACTIVE,
        /** A status this reader's version does not know yet: a consumer leaves its state as it is. Never written. */
        @JsonEnumDefaultValue
        UNKNOWN
    }
}
