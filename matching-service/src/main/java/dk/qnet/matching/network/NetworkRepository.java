package dk.qnet.matching.network;

import dk.qnet.platform.persistence.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The networks and the municipalities each covers. A network is a row with a version and the
 * version last published, and a set of codes; a save is one upsert ({@code on conflict}) that
 * raises the version, so this repository speaks SQL.
 */
@ApplicationScoped
public class NetworkRepository {

    private final EntityManager em;

    public NetworkRepository(EntityManager em) {
        this.em = em;
    }

    public boolean exists(String networkId) {
        return !em.createNativeQuery("select 1 from network where network_id = ?1").setParameter(1, networkId).getResultList().isEmpty();
    }

    public long count() {
        return ((Number) em.createNativeQuery("select count(*) from network").getSingleResult()).longValue();
    }

    /** Every network with its municipalities, in two queries. */
    public List<NetworkService.Network> all() {
        @SuppressWarnings("unchecked")
        List<Object[]> coverage = em.createNativeQuery(
                "select network_id, municipality_code from network_municipality order by network_id, municipality_code").getResultList();
        Map<String, List<String>> codes = new LinkedHashMap<>();
        coverage.forEach(r -> codes.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((String) r[1]));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select network_id, name, active, updated_at from network order by network_id")
                .getResultList();
        return rows.stream().map(r -> new NetworkService.Network((String) r[0], (String) r[1], (Boolean) r[2],
                codes.getOrDefault((String) r[0], List.of()), SqlValues.instant(r[3]))).toList();
    }

    public Optional<NetworkService.Network> find(String networkId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select network_id, name, active, updated_at from network where network_id = ?1")
                .setParameter(1, networkId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        return Optional.of(new NetworkService.Network((String) r[0], (String) r[1], (Boolean) r[2], municipalitiesOf(networkId),
                SqlValues.instant(r[3])));
    }

    /** The codes of the municipalities the network covers, in order. */
    public List<String> municipalitiesOf(String networkId) {
        @SuppressWarnings("unchecked")
        List<String> codes = em.createNativeQuery(
                        "select municipality_code from network_municipality where network_id = ?1 order by municipality_code")
                .setParameter(1, networkId).getResultList();
        return codes;
    }

    /** Creates the network at version 1, or changes it and raises its version; its municipalities are replaced. */
    public void save(String networkId, String name, boolean active, List<String> municipalityCodes, Instant at) {
        em.createNativeQuery("""
                insert into network (network_id, name, active, version, updated_at) values (?1, ?2, ?3, 1, ?4)
                on conflict (network_id) do update set name = excluded.name, active = excluded.active,
                    version = network.version + 1, updated_at = excluded.updated_at
                """).setParameter(1, networkId).setParameter(2, name).setParameter(3, active).setParameter(4, at).executeUpdate();
        em.createNativeQuery("delete from network_municipality where network_id = ?1").setParameter(1, networkId).executeUpdate();
        for (String code : new TreeSet<>(municipalityCodes)) {
            em.createNativeQuery("insert into network_municipality (network_id, municipality_code) values (?1, ?2)")
                    .setParameter(1, networkId).setParameter(2, code).executeUpdate();
        }
    }

    /** The networks whose latest version has not been published yet. */
    public List<String> unpublished() {
        @SuppressWarnings("unchecked")
        List<String> pending = em.createNativeQuery("select network_id from network where published_version < version order by network_id")
                .getResultList();
        return pending;
    }

    public void markPublished(String networkId) {
        em.createNativeQuery("update network set published_version = version where network_id = ?1").setParameter(1, networkId)
                .executeUpdate();
    }
}
