package dk.qnet.platform.web;

import dk.qnet.platform.problem.ErrorPages;
import io.quarkus.arc.Unremovable;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Errors on a page are pages too: a Danish explanation in the shared layout, with the same status
 * the API would give. A page someone may not see is "not found", exactly like a page that
 * doesn't exist.
 */
@ApplicationScoped
@Unremovable
public class PageErrors implements ErrorPages {

    private final Template error;

    public PageErrors(@Location("qnet/error.html") Template error) {
        this.error = error;
    }

    @Override
    public Response render(int status) {
        String key = switch (status) {
            case 403 -> "error.403";
            case 404 -> "error.404";
            case 409 -> "error.409";
            case 412 -> "error.412";
            case 429 -> "error.429";
            default -> status >= 500 ? "error.500" : "error.400";
        };
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(error.data("status", status).data("titleKey", key + ".title").data("textKey", key + ".text").render())
                .build();
    }
}
