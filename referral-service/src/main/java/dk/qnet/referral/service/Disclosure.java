package dk.qnet.referral.service;

import dk.qnet.referral.PersonalData;
import dk.qnet.referral.Referral;

/**
 * What a read may show its caller: the referral, the access view it allows, and her personal
 * data when that view is full and the read was audited (null otherwise, or once erased). The
 * resource and the pages map it to their own views.
 */
public record Disclosure(Referral referral, ReferralAccess.View view, PersonalData personalData) {

    public Disclosure {
        if (view == ReferralAccess.View.NONE) {
            throw new IllegalArgumentException("no disclosure of a referral the caller may not see");
        }
        if (personalData != null && view != ReferralAccess.View.FULL) {
            throw new IllegalArgumentException("personal data only in a full view");
        }
    }
}
