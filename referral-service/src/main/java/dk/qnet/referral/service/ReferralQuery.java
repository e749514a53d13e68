package dk.qnet.referral.service;

import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.problem.ProblemException;
import dk.qnet.referral.Referral;
import dk.qnet.referral.ReferralStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Lists of referrals, always scoped to what the caller may see, never with personal data. */
@ApplicationScoped
public class ReferralQuery {

    public record Filter(ReferralStatus status, Instant from, Instant to, Boolean unrouted, int page, int size) {
    }

    public record Page(List<Referral> items, int page, int size, long total) {
    }

    private final ReferralRepository referrals;

    public ReferralQuery(ReferralRepository referrals) {
        this.referrals = referrals;
    }

    @Transactional
    public Page list(Filter filter, CallerIdentity caller) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        scope(caller, where, params);
        if (filter.status() != null) {
            where.add("r.status = :status");
            params.put("status", filter.status());
        }
        if (filter.from() != null) {
            where.add("r.receivedAt >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("r.receivedAt < :to");
            params.put("to", filter.to());
        }
        if (filter.unrouted() != null) {
            where.add("r.unrouted = :unrouted");
            params.put("unrouted", filter.unrouted());
        }
        String conditions = String.join(" and ", where);
        List<Referral> items = referrals.page(conditions, params, filter.page() * filter.size(), filter.size());
        return new Page(items, filter.page(), filter.size(), referrals.count(conditions, params));
    }

    private static void scope(CallerIdentity caller, List<String> where, Map<String, Object> params) {
        if (caller.isAdmin()) {
            return;
        }
        if (caller.hasRole(Roles.COORDINATOR)) {
            where.add("r.networkId = :network");
            params.put("network", caller.required(caller.networkId(), Roles.NETWORK_CLAIM));
        } else if (caller.hasRole(Roles.SHELTER)) {
            where.add("r.senderOrgId = :org");
            params.put("org", caller.required(caller.orgId(), Roles.ORG_ID_CLAIM));
        } else if (caller.hasRole(Roles.ADVISER)) {
            String code = caller.required(caller.municipalityCode(), Roles.MUNICIPALITY_CLAIM);
            // Its own referrals, and the municipality's that the woman agreed to share with it.
            where.add("(r.senderOrgId = :org or (r.municipalityCode = :code and r.sharedWithMunicipality = true))");
            params.put("org", Roles.municipalityAsSender(code));
            params.put("code", code);
        } else {
            throw ProblemException.forbidden("This role does not list referrals.");
        }
    }
}
