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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ReferralLifecycleTest {

    @Test
    void theHappyPathOfDesignMdIsAllowedStepByStep() {
        ReferralStatus[] path = {RECEIVED, ACCEPTED, WAITLISTED, MATCHED, ACTIVE, COMPLETED};
        for (int i = 0; i + 1 < path.length; i++) {
            assertTrue(ReferralLifecycle.allows(path[i], path[i + 1]), path[i] + " -> " + path[i + 1]);
        }
    }

    @Test
    void anEarlyEndPutsTheWomanBackOnTheWaitlist() {
        assertTrue(ReferralLifecycle.allows(MATCHED, WAITLISTED));
        assertTrue(ReferralLifecycle.allows(ACTIVE, WAITLISTED));
        assertTrue(ReferralLifecycle.allows(WAITLISTED, MATCHED));
    }

    @Test
    void onlyAReceivedReferralCanBeRejected() {
        for (ReferralStatus s : ReferralStatus.values()) {
            assertEquals(s == RECEIVED, ReferralLifecycle.allows(s, REJECTED), s.name());
        }
    }

    @Test
    void everyNonFinalStatusCanBeWithdrawnOrClosedAndNoFinalStatusMoves() {
        for (ReferralStatus s : ReferralStatus.values()) {
            assertEquals(!s.isFinal(), ReferralLifecycle.allows(s, WITHDRAWN), s.name());
            assertEquals(!s.isFinal(), ReferralLifecycle.allows(s, CLOSED), s.name());
            if (s.isFinal()) {
                assertTrue(ReferralLifecycle.next(s).isEmpty(), s.name());
            }
        }
        assertEquals(EnumSet.of(COMPLETED, REJECTED, WITHDRAWN, CLOSED),
                EnumSet.copyOf(java.util.Arrays.stream(ReferralStatus.values()).filter(ReferralStatus::isFinal).toList()));
    }

    @Test
    void noStatusSkipsAcceptance() {
        assertFalse(ReferralLifecycle.allows(RECEIVED, MATCHED));
        assertFalse(ReferralLifecycle.allows(RECEIVED, ACTIVE));
        assertFalse(ReferralLifecycle.allows(ACCEPTED, ACTIVE));
        assertFalse(ReferralLifecycle.allows(WAITLISTED, ACTIVE));
    }

    @org.junit.jupiter.api.Test
    void everyStatusTravelsAsTheContractsStatusOfTheSameName() {
        for (ReferralStatus status : ReferralStatus.values()) {
            assertEquals(status.name(), dk.qnet.contracts.referral.ReferralStatusChanged.Status.valueOf(status.name()).name());
        }
        assertEquals(ReferralStatus.values().length + 1, dk.qnet.contracts.referral.ReferralStatusChanged.Status.values().length,
                "the contract has every status and UNKNOWN, nothing else");
    }
}
