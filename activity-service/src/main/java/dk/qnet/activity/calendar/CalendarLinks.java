package dk.qnet.activity.calendar;

import dk.qnet.activity.Activity;
import dk.qnet.activity.ActivityStatus;
import dk.qnet.activity.Network;
import dk.qnet.activity.service.ActivityRepository;
import dk.qnet.activity.service.NetworkRepository;
import dk.qnet.platform.time.SuiteClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A network's secret, revocable calendar link. Calendar apps cannot log in, so the link itself
 * is the credential: 256 random bits, of which only a hash is stored.
 */
@ApplicationScoped
public class CalendarLinks {

    /** A feed lists at most this many planned activities, the soonest first. */
    static final int MAX_FEED = 500;

    private final EntityManager em;
    private final ActivityRepository activities;
    private final NetworkRepository networks;
    private final Instance<CalendarSource> sources;
    private final CalendarConfig config;
    private final SecureRandom random = new SecureRandom();
    private final SuiteClock clock;

    public CalendarLinks(EntityManager em, ActivityRepository activities, NetworkRepository networks, Instance<CalendarSource> sources,
                         CalendarConfig config, SuiteClock clock) {
        this.em = em;
        this.activities = activities;
        this.networks = networks;
        this.sources = sources;
        this.config = config;
        config.publicBaseUrl().ifPresent(url -> {
            java.net.URI u = java.net.URI.create(url);
            boolean local = "127.0.0.1".equals(u.getHost()) || "localhost".equals(u.getHost());
            if (!"https".equals(u.getScheme()) && !local) {
                throw new IllegalStateException("qnet.calendar.public-base-url (QNET_CALENDAR_PUBLIC_BASE_URL) must be https: the link is a secret");
            }
        });
        this.clock = clock;
    }

    /** When a link made now stops working. */
    public Instant expiryOfNewLink() {
        return clock.now().plus(config.linkLifetime());
    }

    /**
     * Where a link's feed is served: under the configured public base URL, otherwise under the
     * request's own base (local runs).
     */
    public String feedUrl(jakarta.ws.rs.core.UriInfo uri, String token) {
        jakarta.ws.rs.core.UriBuilder base = config.publicBaseUrl()
                .map(url -> jakarta.ws.rs.core.UriBuilder.fromUri(url.endsWith("/") ? url : url + "/"))
                .orElseGet(uri::getBaseUriBuilder);
        return base.path("api/v1/calendar").path(token + ".ics").build().toString();
    }

    /** Makes a new link for the network; the old one stops working. Returns the token. */
    @Transactional
    public String renew(String networkId) {
        String token = newToken();
        em.createNativeQuery("""
                insert into calendar_link (network_id, token_hash, created_at) values (?1, ?2, now())
                on conflict (network_id) do update set token_hash = excluded.token_hash, created_at = excluded.created_at
                """).setParameter(1, networkId).setParameter(2, hash(token)).executeUpdate();
        return token;
    }

    @Transactional
    public boolean revoke(String networkId) {
        return em.createNativeQuery("delete from calendar_link where network_id = ?1").setParameter(1, networkId).executeUpdate() == 1;
    }

    /** The feed behind a token, or empty for an unknown or revoked one. */
    @Transactional
    public Optional<String> feed(String token) {
        if (token == null || !token.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<String> linked = em.createNativeQuery("select network_id from calendar_link where token_hash = ?1 and created_at > ?2")
                .setParameter(1, hash(token)).setParameter(2, clock.now().minus(config.linkLifetime())).getResultList();
        if (linked.isEmpty()) {
            Instant madeAfter = clock.now().minus(config.linkLifetime());
            return sources.stream().map(source -> source.feedOf(hash(token), madeAfter)).flatMap(Optional::stream).findFirst();
        }
        String networkId = linked.get(0);
        Network network = networks.findById(networkId);
        List<IcsWriter.Entry> entries = new ArrayList<>(activities.in(networkId, ActivityStatus.PLANNED).range(0, MAX_FEED - 1).list()
                .stream().map(IcsWriter.Entry::of).toList());
        sources.forEach(source -> entries.addAll(source.entriesOfNetwork(networkId)));
        String name = network == null ? "Qnet" : network.name;
        return Optional.of(IcsWriter.calendar(name + " – aktiviteter", entries, clock.now()));
    }

    /** A new link's secret: 256 random bits as hex. */
    public String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
