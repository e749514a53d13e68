package dk.qnet.activity.service;

import dk.qnet.activity.Network;
import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/** Which network a coordinator's or an administrator's request is about: the same rule for activities and courses. */
@ApplicationScoped
public class NetworkChoice {

    private final NetworkRepository networks;

    public NetworkChoice(NetworkRepository networks) {
        this.networks = networks;
    }

    /** Whose objects the caller sees: an administrator's are every network's (null). */
    public static String visibleTo(CallerIdentity caller) {
        return caller.isAdmin() ? null : caller.required(caller.networkId(), Roles.NETWORK_CLAIM);
    }

    /** The network a new object belongs to: a coordinator's own (the field may repeat it), the one admin names; known and active. */
    public String forNew(String requested, CallerIdentity caller) {
        String networkId;
        if (caller.isAdmin()) {
            if (requested == null) {
                throw ProblemException.invalid("networkId", "is required");
            }
            networkId = requested;
        } else {
            networkId = caller.required(caller.networkId(), Roles.NETWORK_CLAIM);
            if (requested != null && !requested.equals(networkId)) {
                throw ProblemException.invalid("networkId", "must be your own network");
            }
        }
        Network network = networks.findById(networkId);
        if (network == null || !network.active) {
            throw ProblemException.invalid("networkId", "is not a known, active network");
        }
        return networkId;
    }
}
