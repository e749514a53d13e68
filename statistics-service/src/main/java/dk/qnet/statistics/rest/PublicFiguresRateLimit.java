package dk.qnet.statistics.rest;

import dk.qnet.platform.ratelimit.RateLimitAnswer;
import dk.qnet.platform.ratelimit.TokenBuckets;
import dk.qnet.statistics.StatisticsConfig;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Anonymous calls to the public figures, per client address: a burst up to the per-minute limit,
 * then 429 with Retry-After. Signed-in callers (analysts, admins, the dashboard's own users) are
 * not limited here. Behind the ingress the address is the forwarded one (the manifests turn
 * forwarding on); on the laptop it is the caller's own.
 */
public class PublicFiguresRateLimit {

    private final TokenBuckets buckets;
    private final SecurityIdentity identity;
    private final RateLimitAnswer answer;

    public PublicFiguresRateLimit(StatisticsConfig config, SecurityIdentity identity, RateLimitAnswer answer) {
        this.buckets = new TokenBuckets(config.publicCallsPerMinute());
        this.identity = identity;
        this.answer = answer;
    }

    @ServerRequestFilter
    public void filter(ContainerRequestContext request, HttpServerRequest http) {
        if (!identity.isAnonymous() || !request.getUriInfo().getPath().startsWith("/api/v1/statistics")) {
            return;
        }
        answer.enforce("public-figures", buckets, address(http), "At most " + buckets.perMinute()
                + " calls a minute to the public figures from one address. Retry later.");
    }

    static String address(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }

    /** Starts an address afresh (tests). */
    public void forget(String address) {
        buckets.forget(address);
    }
}
