package dk.qnet.platform.web;

import dk.qnet.platform.problem.PageResource;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** /sider/ in any service: straight on to the user's first page, in this service if it has one. */
@PageResource
@Path("/sider")
public class PagesHome {

    private final PageContext page;

    public PagesHome(PageContext page) {
        this.page = page;
    }

    @GET
    @Authenticated
    public Response home() {
        PageContext.NavLink target = page.getNav().stream().filter(PageContext.NavLink::local).findFirst()
                .orElse(page.getNav().get(0));
        return Response.seeOther(URI.create(target.href())).build();
    }
}
