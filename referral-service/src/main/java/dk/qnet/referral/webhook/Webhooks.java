package dk.qnet.referral.webhook;

import dk.qnet.platform.problem.ProblemException;
import dk.qnet.referral.crypto.MasterKeyRotation;
import dk.qnet.referral.crypto.PersonalDataVault;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Organisations' callback registrations, and the deliveries queued for them. A signing secret is
 * shown once, when it is made, and stored only sealed like personal data (its own data key,
 * wrapped by the master key).
 */
@ApplicationScoped
public class Webhooks {

    public static final int MAX_URL_LENGTH = 500;

    public record Subscription(String url, String secret) {
    }

    private final EntityManager em;
    private final WebhookConfig config;
    private final PersonalDataVault vault;
    private final CallbackAddresses addresses;
    private final SecureRandom random = new SecureRandom();

    public Webhooks(EntityManager em, WebhookConfig config, PersonalDataVault vault) {
        this.em = em;
        this.config = config;
        this.vault = vault;
        this.addresses = new CallbackAddresses(config.allowLoopback());
    }

    /** Registers (or replaces) the organisation's callback; returns the new signing secret. */
    @Transactional
    public Subscription register(String orgId, String url) {
        validate(url);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = WebhookSignature.secretOf(bytes);
        PersonalDataVault.Sealed sealed = vault.seal(context(orgId), secret.getBytes(StandardCharsets.UTF_8));
        em.createNativeQuery("""
                insert into webhook_subscription (org_id, url, secret, master_key_id, wrapped_key, sealed_secret, created_at)
                values (?1, ?2, null, ?3, ?4, ?5, now())
                on conflict (org_id) do update set url = excluded.url, secret = null, master_key_id = excluded.master_key_id,
                    wrapped_key = excluded.wrapped_key, sealed_secret = excluded.sealed_secret, created_at = excluded.created_at
                """)
                .setParameter(1, orgId).setParameter(2, url).setParameter(3, sealed.masterKeyId())
                .setParameter(4, sealed.wrappedKey()).setParameter(5, sealed.ciphertext()).executeUpdate();
        return new Subscription(url, secret);
    }

    /** The signing secret of a subscription row, opened for one delivery. */
    String openSecret(String orgId, String masterKeyId, byte[] wrappedKey, byte[] sealedSecret) {
        return new String(vault.open(context(orgId), masterKeyId, wrappedKey, sealedSecret), StandardCharsets.UTF_8);
    }

    /** Secrets stored in plain text by earlier versions are sealed at start. */
    @Transactional
    void sealPlainSecrets(@Observes StartupEvent start) {
        @SuppressWarnings("unchecked")
        List<Object[]> plain = em.createNativeQuery("select org_id, secret from webhook_subscription where secret is not null for update")
                .getResultList();
        for (Object[] row : plain) {
            String orgId = (String) row[0];
            PersonalDataVault.Sealed sealed = vault.seal(context(orgId), ((String) row[1]).getBytes(StandardCharsets.UTF_8));
            em.createNativeQuery("update webhook_subscription set secret = null, master_key_id = ?2, wrapped_key = ?3, sealed_secret = ?4 where org_id = ?1")
                    .setParameter(1, orgId).setParameter(2, sealed.masterKeyId()).setParameter(3, sealed.wrappedKey())
                    .setParameter(4, sealed.ciphertext()).executeUpdate();
        }
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

    /** What a delivery tells: a referral's new status, or how a woman's aftercare window stands. */
    public static final String STATUS_CHANGED = "STATUS_CHANGED";
    public static final String AFTERCARE_WINDOW = "AFTERCARE_WINDOW";

    /** Queues a status change for the sender's callback, if it has one, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String orgId, UUID referralId, String status, Instant changedAt) {
        enqueue(orgId, referralId, STATUS_CHANGED, status, changedAt);
    }

    /** Queues an event for the organisation's callback, if it has one, in the caller's transaction: codes only. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String orgId, UUID referralId, String event, String status, Instant changedAt) {
        em.createNativeQuery("""
                insert into webhook_delivery (org_id, referral_id, event, status, changed_at, next_attempt_at)
                select org_id, ?2, ?5, ?3, ?4, now() from webhook_subscription where org_id = ?1
                """)
                .setParameter(1, orgId).setParameter(2, referralId).setParameter(3, status).setParameter(4, changedAt)
                .setParameter(5, event).executeUpdate();
    }

    private static String context(String orgId) {
        return MasterKeyRotation.WEBHOOK_CONTEXT_PREFIX + orgId;
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
        if (uri.getFragment() != null) {
            throw ProblemException.invalid("url", "must not carry a fragment");
        }
        addresses.refusedByName(uri.getHost()).ifPresent(reason -> {
            throw ProblemException.invalid("url", "host " + reason);
        });
    }
}
