package dk.qnet.referral.network;

import dk.qnet.platform.persistence.SqlValues;
import dk.qnet.contracts.network.NetworkUpdated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the network that covers a municipality, from the networks matching-service publishes.
 * Where two networks cover one municipality, the first by id takes it. Until every network the
 * configured seed names has arrived, the seed answers for a municipality no known network covers,
 * so a fresh installation routes at once and also while the networks are still arriving one by
 * one (when the first arrival switched the seed off, a referral in that window stayed unrouted).
 */
@ApplicationScoped
public class NetworkRouting {

    private final EntityManager em;
    private final Map<String, String> seed = new HashMap<>();
    private final List<String> seededNetworks;

    public NetworkRouting(EntityManager em, RoutingConfig config) {
        this.em = em;
        for (String pair : config.seed().split(",")) {
            String[] kv = pair.trim().split("=");
            if (kv.length == 2) {
                seed.put(kv[0].trim(), kv[1].trim());
            }
        }
        seededNetworks = seed.values().stream().distinct().sorted().toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> networkFor(String municipalityCode) {
        @SuppressWarnings("unchecked")
        List<String> covering = em.createNativeQuery("""
                select network_id from network_route
                where active and municipality_codes @> jsonb_build_array(cast(?1 as text)) order by network_id limit 1
                """).setParameter(1, municipalityCode).getResultList();
        if (!covering.isEmpty()) {
            return Optional.of(covering.get(0));
        }
        if (seededNetworks.isEmpty()) {
            return Optional.empty();
        }
        long seededKnown = ((Number) em.createNativeQuery("select count(*) from network_route where network_id in (?1)")
                .setParameter(1, seededNetworks).getSingleResult()).longValue();
        return seededKnown < seededNetworks.size() ? Optional.ofNullable(seed.get(municipalityCode)) : Optional.empty();
    }

    /** Applies a network's newest description; an older one arriving late changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(NetworkUpdated n) {
        @SuppressWarnings("unchecked")
        List<Object> current = em.createNativeQuery("select updated_at from network_route where network_id = ?1")
                .setParameter(1, n.networkId()).getResultList();
        if (!current.isEmpty() && SqlValues.instant(current.get(0)).isAfter(n.updatedAt())) {
            return;
        }
        em.createNativeQuery("""
                insert into network_route (network_id, name, active, municipality_codes, updated_at)
                values (?1, ?2, ?3, cast(?4 as jsonb), ?5)
                on conflict (network_id) do update set name = excluded.name, active = excluded.active,
                    municipality_codes = excluded.municipality_codes, updated_at = excluded.updated_at
                """)
                .setParameter(1, n.networkId()).setParameter(2, n.name()).setParameter(3, n.active())
                .setParameter(4, dk.qnet.contracts.EventJson.write(n.municipalityCodes())).setParameter(5, n.updatedAt())
                .executeUpdate();
    }
}
