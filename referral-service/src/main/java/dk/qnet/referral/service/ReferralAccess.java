package dk.qnet.referral.service;

import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.identity.Roles;
import dk.qnet.referral.Referral;
import java.util.Optional;

/**
 * Object- and field-level access to referrals (docs/ARCHITECTURE.md, roles): the one rule behind the
 * detail, the lists and every answer that shows a referral. Anything a caller may not see is
 * answered 404 by the callers of this class, so existence is never revealed.
 */
public final class ReferralAccess {

    public enum View {
        NONE,
        /** Status and dates only: the municipality's adviser. */
        STATUS,
        /** Everything but personal data: the administrator, who manages but does not read women's files. */
        SUMMARY,
        /** Everything, personal data included (and audited): the sender and the network's coordinator. */
        FULL
    }

    private ReferralAccess() {
    }

    public static View viewOf(Referral r, CallerIdentity caller) {
        if (isSender(r, caller) && caller.hasRole(Roles.SHELTER) || isTargetCoordinator(r, caller)) {
            return View.FULL;
        }
        if (caller.isAdmin()) {
            return View.SUMMARY;
        }
        if (caller.hasRole(Roles.ADVISER)) {
            Optional<String> code = caller.municipalityCode();
            boolean shared = r.sharedWithMunicipality && code.isPresent() && code.get().equals(r.municipalityCode);
            if (shared || isSender(r, caller)) {
                return View.STATUS;
            }
        }
        return View.NONE;
    }

    /** The view a list may show of one item: never more than its detail, and never personal data. */
    public static View listViewOf(Referral r, CallerIdentity caller) {
        View view = viewOf(r, caller);
        return view == View.FULL ? View.SUMMARY : view;
    }

    /** The coordinator of the network the referral is routed to. */
    public static boolean isTargetCoordinator(Referral r, CallerIdentity caller) {
        return caller.hasRole(Roles.COORDINATOR) && r.networkId != null
                && caller.networkId().map(r.networkId::equals).orElse(false);
    }

    /** The organisation that sent the referral. */
    public static boolean isSender(Referral r, CallerIdentity caller) {
        return caller.senderOrg().map(r.senderOrgId::equals).orElse(false);
    }
}
