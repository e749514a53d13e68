package dk.qnet.matching.network;

import dk.qnet.contracts.Limits;
import dk.qnet.contracts.network.NetworkIds;
import dk.qnet.contracts.network.NetworkUpdated;
import dk.qnet.platform.outbox.Outbox;
import dk.qnet.platform.problem.FieldErrors;
import dk.qnet.platform.problem.ProblemException;
import dk.qnet.platform.problem.RequestRules;
import dk.qnet.platform.time.SuiteClock;
import dk.qnet.platform.validation.MunicipalityCode;
import dk.qnet.platform.validation.PlainText;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The local networks and the municipalities they cover. Every version of a network is published
 * on the compacted qnet.networks.v1 through the outbox, so the other services route and validate
 * against the same list.
 */
@ApplicationScoped
public class NetworkService {

    public record Network(@Schema(maxLength = NetworkIds.MAX_LENGTH) String networkId, @Schema(maxLength = MAX_NAME) String name, boolean active,
                          @Schema(maxItems = MAX_MUNICIPALITIES) List<@Size(min = Limits.MUNICIPALITY_CODE_LENGTH, max = Limits.MUNICIPALITY_CODE_LENGTH) String> municipalityCodes,
                          Instant updatedAt) {
    }

    public record NetworkChange(@NotBlank @Size(max = MAX_NAME) @PlainText String name,
                                @NotEmpty(message = "at least one municipality") @Size(max = MAX_MUNICIPALITIES)
                                List<@NotNull @MunicipalityCode @Size(min = Limits.MUNICIPALITY_CODE_LENGTH, max = Limits.MUNICIPALITY_CODE_LENGTH) String> municipalityCodes,
                                Boolean active) {
    }

    static final int MAX_NAME = 100;
    /** Denmark has 98 municipalities: a network covers some of them. */
    static final int MAX_MUNICIPALITIES = 98;
    /** Qnet has 33 networks; the list answers them all. */
    public static final int MAX_NETWORKS = 500;

    private final NetworkRepository networks;
    private final RequestRules rules;
    private final Outbox outbox;
    private final SuiteClock clock;

    public NetworkService(NetworkRepository networks, RequestRules rules, Outbox outbox, SuiteClock clock) {
        this.networks = networks;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Publishes every network version not yet published: the seed on first start, and any gap. */
    @Transactional
    void publishPending(@Observes StartupEvent startup) {
        for (String id : networks.unpublished()) {
            publish(find(id).orElseThrow());
        }
    }

    /** Every network with its municipalities. */
    @Transactional
    public List<Network> list() {
        return networks.all();
    }

    @Transactional
    public Optional<Network> find(String networkId) {
        return networks.find(networkId);
    }

    /** Whether the network exists (routing, and a coordinator's claim, name only known networks). */
    @Transactional
    public boolean exists(String networkId) {
        return networks.exists(networkId);
    }

    /** Creates or changes a network (admin) and publishes the new version in the same transaction. */
    @Transactional
    public Network save(String networkId, NetworkChange change) {
        FieldErrors errors = rules.check(change);
        if (!NetworkIds.isValid(networkId)) {
            errors.add("networkId", "must look like net-odense: lower-case letters, digits and dashes");
        }
        errors.throwIfAny("The network");
        if (!networks.exists(networkId) && networks.count() >= MAX_NETWORKS) {
            throw ProblemException.conflict("There are " + MAX_NETWORKS + " networks already, the most the suite lists at once.");
        }
        networks.save(networkId, change.name().strip(), change.active() == null || change.active(), change.municipalityCodes(), clock.now());
        Network saved = find(networkId).orElseThrow();
        publish(saved);
        return saved;
    }

    /** Which networks cover each municipality: the routing table everyone shares. */
    @Transactional
    public Map<String, List<String>> coverage() {
        Map<String, List<String>> coverage = new LinkedHashMap<>();
        for (Network n : list()) {
            if (n.active()) {
                n.municipalityCodes().forEach(code -> coverage.computeIfAbsent(code, c -> new ArrayList<>()).add(n.networkId()));
            }
        }
        return coverage;
    }

    private void publish(Network n) {
        outbox.append(n.networkId(), new NetworkUpdated(n.networkId(), n.name(), n.municipalityCodes(), n.active(), n.updatedAt()));
        networks.markPublished(n.networkId());
    }
}
