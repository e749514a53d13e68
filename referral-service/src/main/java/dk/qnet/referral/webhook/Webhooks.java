package dk.qnet.referral.webhook;

import dk.qnet.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Organisations' callback registrations, and the deliveries queued for them. */
@ApplicationScoped
public class Webhooks {

    static final int MAX_URL_LENGTH = 500;

    public record Subscription(String url, String secret) {
    }

    private final EntityManager em;
    private final WebhookConfig config;
    private final SecureRandom random = new SecureRandom();

    public Webhooks(EntityManager em, WebhookConfig config) {
        this.em = em;
        this.config = config;
    }

    /** Registers (or replaces) the organisation's callback; returns the new signing secret. */
    @Transactional
    public Subscription register(String orgId, String url) {
        validate(url);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = HexFormat.of().formatHex(bytes);
        em.createNativeQuery("""
                insert into webhook_subscription (org_id, url, secret, created_at) values (?1, ?2, ?3, now())
                on conflict (org_id) do update set url = excluded.url, secret = excluded.secret, created_at = excluded.created_at
                """)
                .setParameter(1, orgId).setParameter(2, url).setParameter(3, secret).executeUpdate();
        return new Subscription(url, secret);
    }

    @Transactional
    public Optional<String> urlOf(String orgId) {
        @SuppressWarnings("unchecked")
        List<String> urls = em.createNativeQuery("select url from webhook_subscription where org_id = ?1")
                .setParameter(1, orgId).getResultList();
        return urls.stream().findFirst();
    }

    @Transactional
    public boolean unregister(String orgId) {
        return em.createNativeQuery("delete from webhook_subscription where org_id = ?1").setParameter(1, orgId).executeUpdate() == 1;
    }

    /** Queues a status change for the sender's callback, if it has one, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String orgId, UUID referralId, String status, Instant changedAt) {
        em.createNativeQuery("""
                insert into webhook_delivery (org_id, referral_id, status, changed_at, next_attempt_at)
                select org_id, ?2, ?3, ?4, now() from webhook_subscription where org_id = ?1
                """)
                .setParameter(1, orgId).setParameter(2, referralId).setParameter(3, status).setParameter(4, changedAt)
                .executeUpdate();
    }

    private void validate(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
            throw ProblemException.invalid("url", "is required, at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("url", "must be an absolute URL");
        }
        boolean https = "https".equals(uri.getScheme());
        boolean http = "http".equals(uri.getScheme());
        if (!uri.isAbsolute() || uri.getHost() == null || !(https || http && config.allowInsecureHttp())) {
            throw ProblemException.invalid("url", config.allowInsecureHttp() ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getUserInfo() != null) {
            throw ProblemException.invalid("url", "must not carry credentials");
        }
    }
}
