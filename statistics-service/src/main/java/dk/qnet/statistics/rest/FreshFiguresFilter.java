package dk.qnet.statistics.rest;

import dk.qnet.platform.identity.Roles;
import dk.qnet.statistics.publish.FreshRequest;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * {@code Cache-Control: no-cache} from an analyst or admin has the figures computed afresh. The
 * public can't ask for it: every anonymous call is answered from what is kept.
 */
public class FreshFiguresFilter {

    private final FreshRequest fresh;
    private final SecurityIdentity identity;

    public FreshFiguresFilter(FreshRequest fresh, SecurityIdentity identity) {
        this.fresh = fresh;
        this.identity = identity;
    }

    @ServerRequestFilter
    public void filter(ContainerRequestContext request) {
        String cacheControl = request.getHeaderString(HttpHeaders.CACHE_CONTROL);
        if (cacheControl != null && cacheControl.toLowerCase().contains("no-cache")
                && (identity.hasRole(Roles.ANALYST) || identity.hasRole(Roles.ADMIN))) {
            fresh.request();
        }
    }
}
