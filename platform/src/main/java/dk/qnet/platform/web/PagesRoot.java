package dk.qnet.platform.web;

import io.quarkus.arc.properties.UnlessBuildProperty;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * {@code GET /} for a person at a browser: on to her own pages ({@code /sider/}, which asks her to
 * log in first and then sends her to her role's start page), never a bare 404.
 * statistics-service serves its public dashboard at {@code /} instead ({@code qnet.root.dashboard=true}).
 */
@Path("/")
@UnlessBuildProperty(name = "qnet.root.dashboard", stringValue = "true", enableIfMissing = true)
public class PagesRoot {

    @GET
    @PermitAll
    public Response root() {
        return Response.seeOther(URI.create("/sider/")).build();
    }
}
