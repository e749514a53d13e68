package dk.qnet.platform.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.qnet.platform.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every call to the API counts against one limit per caller, before anything else is done with it
 * (OWASP API4, unrestricted resource consumption): at most {@code qnet.api.calls-per-minute} a
 * minute (a burst up to that, refilled evenly). The caller is its bearer token (kept only as a
 * SHA-256 hash), or its address when it sends none; a stolen or runaway token can't flood a
 * service. Past the limit: 429 problem+json with Retry-After, and nothing is done.
 *
 * <p>Every answer under /api/ carries the RateLimit fields of the policy it counted against: this
 * one ({@code "api"}), or a narrower one that an operation enforces itself (the intake's
 * {@code "intake"}, the public figures' {@code "public-figures"}; {@link RateLimitAnswer}). Kept
 * per service instance, like the others.
 */
@ApplicationScoped
public class ApiRateLimit {

    public static final String POLICY = "api";

    private final TokenBuckets buckets;
    private final String policyField;
    private final ObjectMapper json;

    public ApiRateLimit(@ConfigProperty(name = "qnet.api.calls-per-minute", defaultValue = "1200") int callsPerMinute, ObjectMapper json) {
        this.buckets = new TokenBuckets(callsPerMinute);
        this.policyField = RateLimitAnswer.policyField(POLICY, buckets);
        this.json = json;
    }

    void register(@Observes Router router) {
        // After the body-size check (HttpFailureProblems), before authentication and every handler.
        router.route("/api/*").order(Integer.MIN_VALUE + 3).handler(this::limit);
    }

    void limit(RoutingContext ctx) {
        TokenBuckets.Taken taken = take(callerOf(ctx.request()));
        String state = RateLimitAnswer.stateField(POLICY, taken);
        if (!taken.served()) {
            ctx.response().setStatusCode(429)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader("Retry-After", String.valueOf(taken.retryAfterSeconds()))
                    .putHeader(RateLimitAnswer.POLICY_HEADER, policyField)
                    .putHeader(RateLimitAnswer.STATE_HEADER, state)
                    .end(Problem.of(429, "too-many-requests", "Too many requests",
                            "At most " + buckets.perMinute() + " calls a minute from one caller. Retry later.").toJson(json));
            return;
        }
        ctx.addHeadersEndHandler(done -> {
            var headers = ctx.response().headers();
            if (!headers.contains(RateLimitAnswer.POLICY_HEADER)) {
                headers.set(RateLimitAnswer.POLICY_HEADER, policyField);
                headers.set(RateLimitAnswer.STATE_HEADER, state);
            }
        });
        ctx.next();
    }

    /** Takes one call from the caller's bucket. */
    public TokenBuckets.Taken take(String caller) {
        return buckets.take(caller);
    }

    /** The caller a call counts for: its bearer token's hash, or else its address (forwarded behind the ingress). */
    public static String callerOf(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && !authorization.isBlank()) {
            return callerOf(authorization);
        }
        return "address:" + (request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
    }

    /** The caller of an Authorization header: a hash, so no token is kept in memory. */
    public static String callerOf(String authorization) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(authorization.getBytes(StandardCharsets.UTF_8));
            return "token:" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public int callsPerMinute() {
        return buckets.perMinute();
    }
}
