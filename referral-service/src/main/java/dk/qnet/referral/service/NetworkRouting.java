package dk.qnet.referral.service;

import dk.qnet.referral.config.RoutingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Finds the network that covers a municipality. */
@ApplicationScoped
public class NetworkRouting {

    private final Map<String, String> networkByMunicipality = new HashMap<>();

    public NetworkRouting(RoutingConfig config) {
        for (String pair : config.seed().split(",")) {
            String[] kv = pair.trim().split("=");
            if (kv.length == 2) {
                networkByMunicipality.put(kv[0].trim(), kv[1].trim());
            }
        }
    }

    public Optional<String> networkFor(String municipalityCode) {
        return Optional.ofNullable(networkByMunicipality.get(municipalityCode));
    }
}
