package dk.qnet.platform.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Set;

/**
 * Every request to the pages that could change something (POST, PUT, PATCH, DELETE) is checked
 * here, by the router, before login, the OIDC logout or any handler runs; no handler has to
 * remember it. The request must come from a page of the same origin: the browser's
 * {@code Sec-Fetch-Site} says {@code same-origin}, or, from a browser that doesn't send it, the
 * {@code Origin} header is this service's own origin. Anything else is refused with 403 and a
 * Danish page. This is on top of the form's double-submit token ({@link PageCsrf}) and the
 * SameSite=Strict cookies.
 *
 * <p>Logout is a POST: {@code GET /sider/log-ud} no longer logs out (a link or an image on another
 * site could), it shows a page with the button instead.
 */
@ApplicationScoped
public class PageRequestGuard {

    public static final String LOGOUT = "/sider/log-ud";
    static final String CONFIRM_LOGOUT = "/qnet/log-ud.html";
    static final String REFUSED = "/qnet/afvist.html";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final String refused = page(REFUSED);

    void register(@Observes Router router) {
        router.route("/sider/*").order(Integer.MIN_VALUE + 2).handler(this::guard);
    }

    void guard(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (SAFE.contains(request.method())) {
            if (LOGOUT.equals(request.path())) {
                ctx.response().setStatusCode(303).putHeader("Location", CONFIRM_LOGOUT).putHeader("Cache-Control", "no-store").end();
                return;
            }
            ctx.next();
            return;
        }
        if (!fromOwnPage(request)) {
            ctx.response().setStatusCode(403).putHeader("Cache-Control", "no-store")
                    .putHeader("Content-Type", "text/html; charset=UTF-8").end(refused);
            return;
        }
        ctx.next();
    }

    /** Sec-Fetch-Site when the browser sends it (every current one does), otherwise Origin. */
    static boolean fromOwnPage(HttpServerRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.toLowerCase(Locale.ROOT).equals("same-origin");
        }
        String origin = request.getHeader("Origin");
        return origin != null && origin.equalsIgnoreCase(ownOrigin(request));
    }

    /** This request's own origin, as the browser sees it (behind the ingress: the forwarded scheme and host). */
    static String ownOrigin(HttpServerRequest request) {
        String authority = request.authority() != null ? request.authority().toString() : request.getHeader("Host");
        return request.scheme() + "://" + authority;
    }

    private static String page(String path) {
        try (var in = PageRequestGuard.class.getResourceAsStream("/META-INF/resources" + path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("the page " + path + " is missing from the platform", e);
        }
    }
}
