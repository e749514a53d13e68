package dk.qnet.referral.service;

import java.util.UUID;

/**
 * Something else that holds data about the woman of a referral (her aftercare plan): it is erased
 * in the erasure's transaction, and it may hold the retention clock while it is still in use.
 */
public interface ReferralDataHolder {

    /** Removes everything it holds about her, in the caller's transaction. */
    void erase(UUID referralId);

    /** Whether retention must wait: what it holds is still in use. */
    boolean holdsRetention(UUID referralId);
}
