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

import dk.qnet.platform.lifecycle.StateMachine;
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

    private static final StateMachine<ReferralStatus> STEPS = StateMachine.of(ReferralStatus.class)
            .from(RECEIVED, ACCEPTED, REJECTED, WITHDRAWN, CLOSED)
            .from(ACCEPTED, WAITLISTED, MATCHED, WITHDRAWN, CLOSED)
            .from(WAITLISTED, MATCHED, WITHDRAWN, CLOSED)
            .from(MATCHED, ACTIVE, WAITLISTED, WITHDRAWN, CLOSED)
            .from(ACTIVE, COMPLETED, WAITLISTED, WITHDRAWN, CLOSED)
            .build();

    private ReferralLifecycle() {
    }

    public static boolean allows(ReferralStatus from, ReferralStatus to) {
        return STEPS.allows(from, to);
    }

    public static Set<ReferralStatus> next(ReferralStatus from) {
        return STEPS.next(from);
    }
}
