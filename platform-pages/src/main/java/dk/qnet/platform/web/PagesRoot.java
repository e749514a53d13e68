package dk.qnet.platform.web;

import dk.qnet.platform.problem.PageResource;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * {@code GET /} for a person at a browser: on to her own pages ({@code /sider/}, which asks her to
 * log in first and then sends her to her role's start page), never a bare 404.
 * statistics-service, which has no pages, serves its public dashboard at {@code /}.
 */
@PageResource
@Path("/")
public class PagesRoot {

    @GET
    @PermitAll
    public Response root() {
        return Response.seeOther(URI.create("/sider/")).build();
    }
}
