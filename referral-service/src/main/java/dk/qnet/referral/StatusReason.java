package dk.qnet.referral;

import java.util.EnumSet;
import java.util.Set;

/** Coded reasons for status changes: never free text about the woman. */
public enum StatusReason {
    // rejection by the coordinator
    OUT_OF_AREA,
    NOT_IN_TARGET_GROUP,
    DECLINED_BY_WOMAN,
    NOT_REACHED_AFTER_3_ATTEMPTS,
    // withdrawal by the sender
    NO_LONGER_NEEDED,
    SENT_IN_ERROR,
    CONSENT_WITHDRAWN,
    // closing
    MATCH_ENDED,
    /** Nobody decided on it (or it could not be routed) within the retention time for undecided referrals. */
    UNDECIDED,
    OTHER;

    public static final Set<StatusReason> REJECTION =
            EnumSet.of(OUT_OF_AREA, NOT_IN_TARGET_GROUP, DECLINED_BY_WOMAN, NOT_REACHED_AFTER_3_ATTEMPTS, OTHER);
    public static final Set<StatusReason> WITHDRAWAL =
            EnumSet.of(DECLINED_BY_WOMAN, NO_LONGER_NEEDED, SENT_IN_ERROR, OTHER);
}
