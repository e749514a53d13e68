package dk.qnet.platform.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (a client's token subject, or its address): a burst up to the
 * per-minute limit, refilled evenly ({@link RateLimitAnswer} enforces it and answers the fields). Kept per service instance; behind N replicas a client gets N
 * times the limit. At most {@link #MAX_KEYS} keys are kept; past that the buckets start afresh.
 */
public final class TokenBuckets {

    static final int MAX_KEYS = 50_000;

    /** What one request took: the requests left, the seconds until the bucket is full again, and the wait when refused (0 when served). */
    public record Taken(long remaining, long resetSeconds, long retryAfterSeconds) {

        public boolean served() {
            return retryAfterSeconds == 0;
        }
    }

    private final double capacity;
    private final double refillPerNano;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("a rate limit needs at least 1 request a minute");
        }
        this.capacity = perMinute;
        this.refillPerNano = perMinute / 60e9;
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    /** Takes one request from the key's bucket, and tells what is left. */
    public Taken take(String key) {
        long now = System.nanoTime();
        if (buckets.size() > MAX_KEYS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * refillPerNano);
            bucket.at = now;
            long wait = 0;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
            } else {
                wait = Math.max(1, (long) Math.ceil((1 - bucket.tokens) / refillPerNano / 1e9));
            }
            long reset = (long) Math.ceil((capacity - bucket.tokens) / refillPerNano / 1e9);
            return new Taken((long) Math.floor(bucket.tokens), reset, wait);
        }
    }

    /** Starts the key's bucket afresh (full). */
    public void forget(String key) {
        buckets.remove(key);
    }

    public int perMinute() {
        return (int) capacity;
    }
}
