package dk.qnet.activity.service;

import dk.qnet.activity.Network;
import dk.qnet.contracts.network.NetworkUpdated;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The networks as qnet.networks.v1 describes them: which exist, their names, whether active. */
@ApplicationScoped
public class NetworkRepository implements PanacheRepositoryBase<Network, String> {

    /** The newest description wins; an older one arriving late changes nothing. */
    public void apply(NetworkUpdated n) {
        Network network = findById(n.networkId());
        if (network == null) {
            network = new Network();
            network.networkId = n.networkId();
        } else if (network.updatedAt.isAfter(n.updatedAt())) {
            return;
        }
        network.name = n.name();
        network.active = n.active();
        network.updatedAt = n.updatedAt();
        persist(network);
    }
}
