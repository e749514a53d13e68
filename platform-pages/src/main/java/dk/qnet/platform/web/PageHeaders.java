package dk.qnet.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Headers for every page: pages show personal data, so nothing is stored by a browser or a proxy
 * (no-store), no page may be framed, and scripts come only from the service itself.
 */
public class PageHeaders {

    public static final String PAGES = "/sider/";

    @ServerResponseFilter
    public void pageHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        if (!isPage(request.getUriInfo().getPath())) {
            return;
        }
        response.getHeaders().putSingle("Cache-Control", "no-store");
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        response.getHeaders().putSingle("Referrer-Policy", "no-referrer");
        response.getHeaders().putSingle("Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; object-src 'none'");
    }

    public static boolean isPage(String path) {
        return path != null && (path.startsWith(PAGES) || path.equals("/sider"));
    }
}
