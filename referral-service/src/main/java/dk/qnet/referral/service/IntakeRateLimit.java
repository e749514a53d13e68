package dk.qnet.referral.service;

import dk.qnet.platform.ratelimit.RateLimitAnswer;
import dk.qnet.platform.ratelimit.TokenBuckets;
import dk.qnet.referral.config.ReferralConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** Referral intake per client (token subject): a burst up to the per-minute limit, then 429 with Retry-After; every answer to an intake carries the RateLimit fields. */
@ApplicationScoped
public class IntakeRateLimit {

    private final TokenBuckets buckets;
    private final RateLimitAnswer answer;

    public IntakeRateLimit(ReferralConfig config, RateLimitAnswer answer) {
        this.buckets = new TokenBuckets(config.intakePerMinute());
        this.answer = answer;
    }

    public void acquire(String client) {
        answer.enforce("intake", buckets, client, "At most " + buckets.perMinute() + " referrals a minute per client. Retry later.");
    }
}
