package dk.qnet.referral.service;

import dk.qnet.platform.ratelimit.TokenBuckets;
import dk.qnet.referral.config.ReferralConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** Referral intake per client (token subject): a burst up to the per-minute limit, then 429 with Retry-After. */
@ApplicationScoped
public class IntakeRateLimit {

    private final TokenBuckets buckets;

    public IntakeRateLimit(ReferralConfig config) {
        this.buckets = new TokenBuckets(config.intakePerMinute());
    }

    public void acquire(String client) {
        buckets.acquire(client, "At most " + buckets.perMinute() + " referrals a minute per client. Retry later.");
    }
}
