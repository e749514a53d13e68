package dk.qnet.referral.rest;

import dk.qnet.referral.ReferralStatus;
import dk.qnet.referral.ReferralStatusChange;
import dk.qnet.referral.StatusReason;
import java.time.Instant;

/** One dated step of the closed loop. */
public record HistoryEntry(ReferralStatus status, StatusReason reason, Instant changedAt, String changedBy) {

    public static HistoryEntry of(ReferralStatusChange c) {
        return new HistoryEntry(c.status, c.reason, c.changedAt, c.changedBy);
    }
}
