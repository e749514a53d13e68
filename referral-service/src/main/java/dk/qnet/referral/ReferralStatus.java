package dk.qnet.referral;

/** The referral lifecycle of docs/ARCHITECTURE.md. */
public enum ReferralStatus {
    RECEIVED,
    ACCEPTED,
    WAITLISTED,
    MATCHED,
    ACTIVE,
    COMPLETED,
    REJECTED,
    WITHDRAWN,
    CLOSED;

    public boolean isFinal() {
        return this == COMPLETED || this == REJECTED || this == WITHDRAWN || this == CLOSED;
    }
}
