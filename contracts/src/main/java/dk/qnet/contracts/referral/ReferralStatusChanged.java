package dk.qnet.contracts.referral;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A referral moved to another status of its lifecycle.
 *
 * @param status the status it moved to; a status newer than the reader reads as {@link Status#UNKNOWN}
 * @param reason a coded reason (such as OUT_OF_AREA), never free text; null when none applies
 */
public record ReferralStatusChanged(UUID referralId, String networkId, Status status, String reason, Instant changedAt) {

    public ReferralStatusChanged {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    /** The referral lifecycle's statuses, as they travel (their names). */
    public enum Status {
        RECEIVED,
        ACCEPTED,
        WAITLISTED,
        MATCHED,
        ACTIVE,
        COMPLETED,
        REJECTED,
        WITHDRAWN,
        CLOSED,
        /** A status this reader's version does not know yet: a consumer leaves its state as it is. Never written. */
        @JsonEnumDefaultValue
        UNKNOWN
    }
}
