package dk.qnet.platform.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The API takes bearer tokens only. Cookies never reach it, so the pages' login session (a
 * cookie the browser sends to every service on the host) can't be used to call the API, and a
 * page elsewhere can't make the browser do so on its user's behalf.
 */
@ApplicationScoped
public class ApiIgnoresPageSession {

    void register(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE + 1).handler(ctx -> {
            ctx.request().headers().remove(HttpHeaders.COOKIE);
            ctx.next();
        });
    }
}
