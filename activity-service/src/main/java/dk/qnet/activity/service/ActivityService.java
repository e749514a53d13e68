package dk.qnet.activity.service;

import dk.qnet.activity.Activity;
import dk.qnet.platform.identity.CallerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

@ApplicationScoped
public class ActivityService {

    /** The coordinator's own network's activities; admin sees all. */
    @Transactional
    public List<Activity> listVisible(CallerIdentity caller) {
        if (caller.isAdmin()) {
            return Activity.list("order by startsAt");
        }
        return caller.networkId()
                .map(network -> Activity.<Activity>list("networkId = ?1 order by startsAt", network))
                .orElse(List.of());
    }
}
