package dk.qnet.contracts.referral;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The personal data of a referral was erased. Every service drops whatever it holds that links to
 * this referral id, keeping only pseudonymous counts.
 *
 * @param cause CONSENT_WITHDRAWN, RETENTION or ADMIN
 */
public record ReferralErased(UUID referralId, String cause, Instant erasedAt) {

    public ReferralErased {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(erasedAt, "erasedAt");
    }
}
