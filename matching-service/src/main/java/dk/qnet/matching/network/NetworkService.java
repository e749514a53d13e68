package dk.qnet.matching.network;

import dk.qnet.contracts.Limits;
import dk.qnet.contracts.network.NetworkIds;
import dk.qnet.contracts.network.NetworkUpdated;
import dk.qnet.platform.outbox.Outbox;
import dk.qnet.platform.persistence.SqlValues;
import dk.qnet.platform.problem.FieldErrors;
import dk.qnet.platform.problem.ProblemException;
import dk.qnet.platform.problem.RequestRules;
import dk.qnet.platform.time.SuiteClock;
import dk.qnet.platform.validation.MunicipalityCode;
import dk.qnet.platform.validation.PlainText;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
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

    private final EntityManager em;
    private final RequestRules rules;
    private final Outbox outbox;
    private final SuiteClock clock;

    public NetworkService(EntityManager em, RequestRules rules, Outbox outbox, SuiteClock clock) {
        this.em = em;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Publishes every network version not yet published: the seed on first start, and any gap. */
    @Transactional
    void publishPending(@Observes StartupEvent startup) {
        @SuppressWarnings("unchecked")
        List<String> pending = em.createNativeQuery("select network_id from network where published_version < version order by network_id")
                .getResultList();
        for (String id : pending) {
            publish(find(id).orElseThrow());
        }
    }

    /** Every network with its municipalities, in two queries. */
    @Transactional
    public List<Network> list() {
        @SuppressWarnings("unchecked")
        List<Object[]> coverage = em.createNativeQuery(
                "select network_id, municipality_code from network_municipality order by network_id, municipality_code").getResultList();
        Map<String, List<String>> codes = new LinkedHashMap<>();
        coverage.forEach(r -> codes.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((String) r[1]));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select network_id, name, active, updated_at from network order by network_id")
                .getResultList();
        return rows.stream().map(r -> new Network((String) r[0], (String) r[1], (Boolean) r[2],
                codes.getOrDefault((String) r[0], List.of()), SqlValues.instant(r[3]))).toList();
    }

    @Transactional
    public Optional<Network> find(String networkId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select network_id, name, active, updated_at from network where network_id = ?1")
                .setParameter(1, networkId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        @SuppressWarnings("unchecked")
        List<String> codes = em.createNativeQuery("select municipality_code from network_municipality where network_id = ?1 order by municipality_code")
                .setParameter(1, networkId).getResultList();
        return Optional.of(new Network((String) r[0], (String) r[1], (Boolean) r[2], codes, SqlValues.instant(r[3])));
    }

    /** Creates or changes a network (admin) and publishes the new version in the same transaction. */
    @Transactional
    public Network save(String networkId, NetworkChange change) {
        FieldErrors errors = rules.check(change);
        if (!NetworkIds.isValid(networkId)) {
            errors.add("networkId", "must look like net-odense: lower-case letters, digits and dashes");
        }
        errors.throwIfAny("The network");
        boolean isNew = ((Number) em.createNativeQuery("select count(*) from network where network_id = ?1")
                .setParameter(1, networkId).getSingleResult()).longValue() == 0;
        if (isNew && ((Number) em.createNativeQuery("select count(*) from network").getSingleResult()).longValue() >= MAX_NETWORKS) {
            throw ProblemException.conflict("There are " + MAX_NETWORKS + " networks already, the most the suite lists at once.");
        }
        boolean active = change.active() == null || change.active();
        Instant now = clock.now();
        em.createNativeQuery("""
                insert into network (network_id, name, active, version, updated_at) values (?1, ?2, ?3, 1, ?4)
                on conflict (network_id) do update set name = excluded.name, active = excluded.active,
                    version = network.version + 1, updated_at = excluded.updated_at
                """).setParameter(1, networkId).setParameter(2, change.name().strip()).setParameter(3, active).setParameter(4, now)
                .executeUpdate();
        em.createNativeQuery("delete from network_municipality where network_id = ?1").setParameter(1, networkId).executeUpdate();
        for (String code : new java.util.TreeSet<>(change.municipalityCodes())) {
            em.createNativeQuery("insert into network_municipality (network_id, municipality_code) values (?1, ?2)")
                    .setParameter(1, networkId).setParameter(2, code).executeUpdate();
        }
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
        em.createNativeQuery("update network set published_version = version where network_id = ?1")
                .setParameter(1, n.networkId()).executeUpdate();
    }
}
