package dk.qnet.platform.web;

import dk.qnet.platform.problem.ProblemException;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF protection for the pages' forms (double submit): a random token in an HttpOnly,
 * SameSite=Strict cookie (Secure like the session cookie, and whenever the page came over
 * https), and the same token in a hidden field of every form ({@code {inject:csrf.token}}). A page's POST handler calls {@link #verify} first; a missing
 * or different token is refused with 403 before anything is read or written. Before any handler,
 * {@link PageRequestGuard} has already refused every unsafe request that did not come from a page
 * of the same origin, so a handler that forgot the token is still covered.
 */
@RequestScoped
@Named("csrf")
public class PageCsrf {

    public static final String COOKIE = "qnet-csrf";
    public static final String FIELD = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RoutingContext request;
    private final boolean secureCookies;
    private String token;

    public PageCsrf(RoutingContext request, PageSecrets settings) {
        this.request = request;
        this.secureCookies = settings.secureCookies();
    }

    /** The token for this browser; a new one is set as a cookie when it has none. */
    public String getToken() {
        if (token == null) {
            Cookie cookie = request.request().getCookie(COOKIE);
            if (cookie != null && wellFormed(cookie.getValue())) {
                token = cookie.getValue();
            } else {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                request.response().addCookie(Cookie.cookie(COOKIE, token).setPath("/").setHttpOnly(true)
                        .setSameSite(CookieSameSite.STRICT).setSecure(secureCookies || "https".equalsIgnoreCase(request.request().scheme())));
            }
        }
        return token;
    }

    public void verify(String submitted) {
        Cookie cookie = request.request().getCookie(COOKIE);
        if (submitted == null || cookie == null || !wellFormed(cookie.getValue())
                || !MessageDigest.isEqual(submitted.getBytes(StandardCharsets.UTF_8), cookie.getValue().getBytes(StandardCharsets.UTF_8))) {
            throw ProblemException.forbidden("The form's CSRF token is missing or wrong. Reload the page and try again.");
        }
    }

    private static boolean wellFormed(String value) {
        return value != null && value.matches("[A-Za-z0-9_-]{43}");
    }
}
