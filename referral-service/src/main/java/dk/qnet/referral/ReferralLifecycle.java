package dk.qnet.referral;

import static dk.qnet.referral.ReferralStatus.ACCEPTED;
import static dk.qnet.referral.ReferralStatus.ACTIVE;
import static dk.qnet.referral.ReferralStatus.CLOSED;
import static dk.qnet.referral.ReferralStatus.COMPLETED;
import static dk.qnet.referral.ReferralStatus.MATCHED;
import static dk.qnet.referral.ReferralStatus.RECEIVED;
import static dk.qnet.referral.ReferralStatus.REJECTED;
import static dk.qnet.referral.ReferralStatus.WAITLISTED;
import static dk.qnet.referral.ReferralStatus.WITHDRAWN;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The referral lifecycle of docs/ARCHITECTURE.md as a plain state machine:
 * <pre>
 * RECEIVED → ACCEPTED → WAITLISTED ⇄ MATCHED → ACTIVE → COMPLETED
 *     └→ REJECTED          any non-final state → WITHDRAWN | CLOSED
 * </pre>
 * A match that ends early puts the woman back on WAITLISTED, from MATCHED or ACTIVE.
 */
public final class ReferralLifecycle {

    private static final Map<ReferralStatus, Set<ReferralStatus>> NEXT = new EnumMap<>(ReferralStatus.class);

    static {
        NEXT.put(RECEIVED, EnumSet.of(ACCEPTED, REJECTED, WITHDRAWN, CLOSED));
        NEXT.put(ACCEPTED, EnumSet.of(WAITLISTED, MATCHED, WITHDRAWN, CLOSED));
        NEXT.put(WAITLISTED, EnumSet.of(MATCHED, WITHDRAWN, CLOSED));
        NEXT.put(MATCHED, EnumSet.of(ACTIVE, WAITLISTED, WITHDRAWN, CLOSED));
        NEXT.put(ACTIVE, EnumSet.of(COMPLETED, WAITLISTED, WITHDRAWN, CLOSED));
        for (ReferralStatus s : ReferralStatus.values()) {
            if (s.isFinal()) {
                NEXT.put(s, EnumSet.noneOf(ReferralStatus.class));
            }
        }
    }

    private ReferralLifecycle() {
    }

    public static boolean allows(ReferralStatus from, ReferralStatus to) {
        return NEXT.get(from).contains(to);
    }

    public static Set<ReferralStatus> next(ReferralStatus from) {
        Set<ReferralStatus> next = NEXT.get(from);
        return next.isEmpty() ? EnumSet.noneOf(ReferralStatus.class) : EnumSet.copyOf(next);
    }
}
