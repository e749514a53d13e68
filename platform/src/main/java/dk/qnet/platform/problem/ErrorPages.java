package dk.qnet.platform.problem;

import jakarta.ws.rs.core.Response;

/**
 * How an error reaches a person at a browser. A service with pages provides one bean of this
 * kind (qnet-platform-pages' error page); the mappers use it for errors of a {@link PageResource}
 * (or, where no resource matched, of a request that asks for HTML), so the problem package knows
 * nothing of pages.
 */
public interface ErrorPages {

    /** The HTML answer for an error with this status. */
    Response render(int status);
}
