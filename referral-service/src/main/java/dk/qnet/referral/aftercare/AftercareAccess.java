package dk.qnet.referral.aftercare;

import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.identity.Roles;
import dk.qnet.referral.Referral;
import dk.qnet.referral.service.ReferralAccess;

/**
 * Who works on a woman's aftercare, and as what (docs/ARCHITECTURE.md, roles): the shelter that
 * referred her and the adviser of her municipality (only with her consent to share with it) keep
 * the plan; the coordinator of her Qnet network sees and moves Qnet's goals; an administrator
 * reads it without notes. Anyone else gets 404 from the callers of this class.
 */
public enum AftercareAccess {
    NONE, SHELTER, ADVISER, QNET, ADMIN;

    public static AftercareAccess of(Referral r, CallerIdentity caller) {
        if (caller.hasRole(Roles.SHELTER) && ReferralAccess.isSender(r, caller)) {
            return SHELTER;
        }
        if (caller.hasRole(Roles.ADVISER) && r.sharedWithMunicipality
                && caller.municipalityCode().map(r.municipalityCode::equals).orElse(false)) {
            return ADVISER;
        }
        if (ReferralAccess.isTargetCoordinator(r, caller)) {
            return QNET;
        }
        return caller.isAdmin() ? ADMIN : NONE;
    }

    /** The shelter and the adviser keep the plan. */
    public boolean editsPlan() {
        return this == SHELTER || this == ADVISER;
    }

    public boolean seesNotes() {
        return this != ADMIN && this != NONE;
    }
}
