package dk.qnet.referral.service;

import dk.qnet.platform.problem.ProblemException;
import dk.qnet.referral.config.ReferralConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client (token subject) on referral intake: a burst up to the per-minute
 * limit, refilled evenly. Kept per service instance; behind N replicas a client gets N times it.
 */
@ApplicationScoped
public class IntakeRateLimit {

    private static final int MAX_CLIENTS = 50_000;

    private final double capacity;
    private final double refillPerNano;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public IntakeRateLimit(ReferralConfig config) {
        this.capacity = config.intakePerMinute();
        this.refillPerNano = config.intakePerMinute() / 60e9;
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    /** Takes one request from the client's bucket, or answers 429 with Retry-After. */
    public void acquire(String client) {
        long now = System.nanoTime();
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(capacity, now));
        long waitSeconds;
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * refillPerNano);
            bucket.at = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return;
            }
            waitSeconds = (long) Math.ceil((1 - bucket.tokens) / refillPerNano / 1e9);
        }
        throw ProblemException.tooManyRequests(
                "At most " + (int) capacity + " referrals a minute per client. Retry later.", Math.max(1, waitSeconds));
    }
}
