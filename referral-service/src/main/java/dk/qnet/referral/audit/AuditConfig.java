package dk.qnet.referral.audit;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "qnet.audit")
public interface AuditConfig {

    /**
     * The key of the audit chain's HMAC: 32 random bytes or more, base64. It is kept outside the
     * database (a secret, like the master key), so whoever can write the database cannot write a
     * row whose hash verifies. An auditor verifies the chain with it (README).
     */
    String chainKey();

    /**
     * Installations that ran before the chain was keyed hold entries hashed with plain SHA-256:
     * the id of the last of them, so they still verify. Every entry after it must be keyed, so
     * nobody can rewrite the chain as plain hashes. 0 (a new installation): none.
     */
    @io.smallrye.config.WithDefault("0")
    long plainEntriesUntil();
}
