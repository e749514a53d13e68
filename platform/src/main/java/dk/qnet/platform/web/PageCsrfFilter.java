package dk.qnet.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Every state-changing request to a page ({@code /sider/*}: POST, PUT, PATCH, DELETE) must carry
 * the CSRF token, as the form's hidden {@code csrf} field or an {@code X-CSRF-Token} header
 * (htmx), checked here for all of them before any handler runs; no handler checks by hand, so a
 * new form cannot forget it. The API ({@code /api/*}) takes bearer tokens only and is not checked.
 */
public class PageCsrfFilter {

    static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    public static final String HEADER = "X-CSRF-Token";

    private final PageCsrf csrf;

    public PageCsrfFilter(PageCsrf csrf) {
        this.csrf = csrf;
    }

    @ServerRequestFilter
    @WithFormRead
    public void verify(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/sider/") || SAFE.contains(request.getMethod())) {
            return;
        }
        String submitted = request.getHeaderString(HEADER);
        if (submitted == null && request instanceof ResteasyReactiveContainerRequestContext rr
                && rr.getServerRequestContext() instanceof ResteasyReactiveRequestContext context) {
            Object field = context.getFormParameter(PageCsrf.FIELD, true, false);
            submitted = field == null ? null : field.toString();
        }
        csrf.verify(submitted);
    }
}
