package dk.qnet.activity.calendar;

import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/api/v1")
public class CalendarResource {

    public static final String TEXT_CALENDAR = "text/calendar";

    private final CalendarLinks links;
    private final CallerIdentity caller;

    public CalendarResource(CalendarLinks links, CallerIdentity caller) {
        this.links = links;
        this.caller = caller;
    }

    /** A new secret link for the network's calendar; the previous link stops working. */
    @PUT
    @Path("calendar-links/{networkId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    public Response renew(@PathParam("networkId") String networkId, @Context UriInfo uri) {
        requireOwn(networkId);
        String token = links.renew(networkId);
        return Response.ok(Map.of("url", links.feedUrl(uri, token), "expiresAt", links.expiryOfNewLink().toString()))
                .header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Path("calendar-links/{networkId}")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    public Response revoke(@PathParam("networkId") String networkId) {
        requireOwn(networkId);
        if (!links.revoke(networkId)) {
            throw ProblemException.notFound();
        }
        return Response.noContent().build();
    }

    /** The feed itself: no login, the link is the secret. Unknown and revoked links are 404. */
    @GET
    @Path("calendar/{token}.ics")
    @Produces(TEXT_CALENDAR)
    @PermitAll
    public Response feed(@PathParam("token") @Parameter(description = "The feed's secret (64 hex digits): calendar clients can send no header, so it is in the URL; "
            + "a coordinator revokes it by issuing a new one.", schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9a-f]{64}$", maxLength = 64)) String token) {
        String ics = links.feed(token).orElseThrow(ProblemException::notFound);
        return Response.ok(ics, TEXT_CALENDAR + "; charset=utf-8").header("Cache-Control", "private, max-age=300").build();
    }

    private void requireOwn(String networkId) {
        if (!caller.managesNetwork(networkId)) {
            throw ProblemException.notFound();
        }
    }
}
