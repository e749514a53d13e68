package dk.qnet.referral.network;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Routing seed: which network covers which municipality, until matching-service publishes the
 * networks on qnet.networks.v1.
 */
@ConfigMapping(prefix = "qnet.routing")
public interface RoutingConfig {

    /** Comma-separated {@code municipalityCode=networkId} pairs. */
    @WithDefault("0101=net-koebenhavn,0461=net-odense,0751=net-aarhus,0851=net-aalborg")
    String seed();
}
