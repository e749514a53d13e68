package dk.qnet.contracts.network;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The current state of a local Qnet network, on the compacted topic (key: network id): the
 * latest record per network is the truth. {@code active=false} retires a network.
 */
public record NetworkUpdated(String networkId, String name, List<String> municipalityCodes, boolean active, Instant updatedAt) {

    public NetworkUpdated {
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(updatedAt, "updatedAt");
        municipalityCodes = municipalityCodes == null ? List.of() : List.copyOf(municipalityCodes);
    }
}
