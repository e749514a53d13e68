package dk.qnet.referral.service;

import dk.qnet.referral.ReferralStatusChange;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The dated steps of every referral: the closed loop its sender follows. */
@ApplicationScoped
public class StatusHistory implements PanacheRepositoryBase<ReferralStatusChange, Long> {

    /** The referral's first {@code max} steps, oldest first. */
    public List<ReferralStatusChange> of(UUID referralId, int max) {
        return find("referralId", Sort.by("id"), referralId).range(0, max - 1).list();
    }
}
