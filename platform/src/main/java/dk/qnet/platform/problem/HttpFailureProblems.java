package dk.qnet.platform.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Failures that happen before a request reaches a resource (a body over the size limit, a
 * request the HTTP layer refuses) leave as problem+json too, not as an empty page.
 */
@ApplicationScoped
public class HttpFailureProblems {

    private final ObjectMapper json;
    private final long maxBodyBytes;

    public HttpFailureProblems(ObjectMapper json,
                               @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.json = json;
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void register(@Observes Router router) {
        // A declared length over the limit is refused before the body is read.
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOver(length)) {
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(Problem.forStatus(413).toJson(json));
                return;
            }
            ctx.next();
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.response().ended() || ctx.response().headWritten() || isSecurityFlow(ctx.failure())) {
                ctx.next();
                return;
            }
            int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
            ctx.response()
                    .setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(Problem.forStatus(status).toJson(json));
        });
    }

    /**
     * The pages' login is a failure on its way: a redirect to Keycloak, the return from it, a
     * challenge. Quarkus's own handler turns those into redirects; they are not errors.
     */
    static boolean isSecurityFlow(Throwable failure) {
        return failure != null && failure.getClass().getName().startsWith("io.quarkus.security.");
    }

    private boolean isOver(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
