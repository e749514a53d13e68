package dk.qnet.referral.network;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The routing rule over one reading of the network table: the active network that covers a
 * municipality, the first by id where two do. Until every network the seed names has arrived,
 * the seed answers for a municipality no known network covers, so a fresh installation routes at
 * once and also while the networks are still arriving one by one (when the first arrival switched
 * the seed off, a referral in that window stayed unrouted).
 */
record Routes(Map<String, String> covering, Map<String, String> seed) {

    /** One row of network_route. */
    record Network(String networkId, boolean active, List<String> municipalityCodes) {
    }

    static Routes of(List<Network> networks, Map<String, String> seed) {
        Map<String, String> covering = new HashMap<>();
        networks.stream().filter(Network::active).sorted(java.util.Comparator.comparing(Network::networkId))
                .forEach(n -> n.municipalityCodes().forEach(code -> covering.putIfAbsent(code, n.networkId())));
        Set<String> known = networks.stream().map(Network::networkId).collect(Collectors.toSet());
        boolean seedAnswers = !known.containsAll(seed.values());
        return new Routes(Map.copyOf(covering), seedAnswers ? Map.copyOf(seed) : Map.of());
    }

    Optional<String> networkFor(String municipalityCode) {
        String network = covering.get(municipalityCode);
        return Optional.ofNullable(network != null ? network : seed.get(municipalityCode));
    }
}
