package dk.qnet.contracts.referral;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A referral moved to another status of its lifecycle.
 *
 * @param status the ReferralStatus name: ACCEPTED, REJECTED, WAITLISTED, MATCHED, ACTIVE, ...
 * @param reason a coded reason (such as OUT_OF_AREA), never free text; null when none applies
 */
public record ReferralStatusChanged(UUID referralId, String networkId, String status, String reason, Instant changedAt) {

    public ReferralStatusChanged {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
