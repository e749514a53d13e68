package dk.qnet.referral.rest;

import dk.qnet.platform.identity.Roles;
import dk.qnet.referral.ReferralStatus;
import dk.qnet.referral.ReferralStatusChange;
import dk.qnet.referral.StatusReason;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One dated step of the closed loop. */
public record HistoryEntry(ReferralStatus status, StatusReason reason, Instant changedAt,
                           @Schema(maxLength = Roles.MAX_NAME_LENGTH, description = "The role that made the change, or system.") String changedBy) {

    public static HistoryEntry of(ReferralStatusChange c) {
        return new HistoryEntry(c.status, c.reason, c.changedAt, c.changedBy);
    }
}
