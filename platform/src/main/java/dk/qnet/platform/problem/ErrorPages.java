package dk.qnet.platform.problem;

import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * How an error reaches a person at a browser. A service with pages provides one bean of this
 * kind (the pages' error page); the mappers ask it first and answer problem+json where it
 * declines, so the problem package knows nothing of pages.
 */
public interface ErrorPages {

    /** The HTML answer for an error with this status on this request path, or empty where the path is no page. */
    Optional<Response> render(String path, int status);
}
