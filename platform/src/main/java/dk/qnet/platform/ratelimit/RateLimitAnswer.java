package dk.qnet.platform.ratelimit;

import dk.qnet.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The IETF rate-limit fields (draft-ietf-httpapi-ratelimit-headers) on every answer to a request
 * a limit applies to, served or refused: {@code RateLimit-Policy: "intake";q=40;w=60} (the
 * quota per window of seconds) and {@code RateLimit: "intake";r=12;t=18} (the requests left, and
 * the seconds until the quota is whole again). A refused request is 429 with Retry-After too.
 */
@RequestScoped
public class RateLimitAnswer {

    public static final String POLICY_HEADER = "RateLimit-Policy";
    public static final String STATE_HEADER = "RateLimit";

    private String policy;
    private String state;

    /** Takes one request for the key from a policy's buckets; refuses it with 429 when none is left. */
    public void enforce(String policyName, TokenBuckets buckets, String key, String refusal) {
        TokenBuckets.Taken taken = buckets.take(key);
        policy = policyField(policyName, buckets);
        state = stateField(policyName, taken);
        if (!taken.served()) {
            throw ProblemException.tooManyRequests(refusal, taken.retryAfterSeconds());
        }
    }

    /** {@code "<policy>";q=<calls>;w=60}: the quota per window of seconds. */
    public static String policyField(String policyName, TokenBuckets buckets) {
        return "\"" + policyName + "\";q=" + buckets.perMinute() + ";w=60";
    }

    /** {@code "<policy>";r=<calls left>;t=<seconds until the quota is whole again>}. */
    public static String stateField(String policyName, TokenBuckets.Taken taken) {
        return "\"" + policyName + "\";r=" + taken.remaining() + ";t=" + taken.resetSeconds();
    }

    // Read through methods: the filter holds a client proxy, whose own fields are always empty.
    String policy() {
        return policy;
    }

    String state() {
        return state;
    }

    /** Writes the fields on the answer of a request a limit applied to. */
    public static class Filter {

        private final RateLimitAnswer answer;

        public Filter(RateLimitAnswer answer) {
            this.answer = answer;
        }

        @ServerResponseFilter
        public void fields(ContainerResponseContext response) {
            String policy = answer.policy();
            if (policy != null) {
                response.getHeaders().putSingle(POLICY_HEADER, policy);
                response.getHeaders().putSingle(STATE_HEADER, answer.state());
            }
        }
    }
}
