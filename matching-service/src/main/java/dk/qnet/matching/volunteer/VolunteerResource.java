package dk.qnet.matching.volunteer;

import dk.qnet.matching.engine.VolunteerProfile;
import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.paging.Page;
import dk.qnet.platform.paging.PageRequest;
import dk.qnet.platform.problem.IfMatch;
import dk.qnet.platform.problem.PathIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

/** A network's volunteers, for its coordinator (and admin). Contact data is not cached. */
@Path("/api/v1/volunteers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
public class VolunteerResource {

    public record StatusChange(VolunteerProfile.Status status) {
    }

    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    private final VolunteerService volunteers;
    private final CallerIdentity caller;

    public VolunteerResource(VolunteerService volunteers, CallerIdentity caller) {
        this.volunteers = volunteers;
        this.caller = caller;
    }

    @GET
    public RestResponse<Page<Volunteer>> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return RestResponse.ResponseBuilder.ok(volunteers.page(caller, PageRequest.of(page, size))).cacheControl(NO_STORE).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(VolunteerRequest body, @Context UriInfo uri) {
        Volunteer v = volunteers.create(body, caller);
        return Response.created(uri.getAbsolutePathBuilder().path(v.id.toString()).build()).entity(v).cacheControl(NO_STORE).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return tagged(volunteers.get(PathIds.uuidOrNotFound(id), caller));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") String id, @HeaderParam(IfMatch.HEADER) String ifMatch, VolunteerRequest body) {
        return tagged(volunteers.update(PathIds.uuidOrNotFound(id), body, IfMatch.parse(ifMatch), caller));
    }

    @POST
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response status(@PathParam("id") String id, @HeaderParam(IfMatch.HEADER) String ifMatch, StatusChange body) {
        return tagged(volunteers.changeStatus(PathIds.uuidOrNotFound(id), body == null ? null : body.status(), IfMatch.parse(ifMatch), caller));
    }

    /** The volunteer with her ETag, which an update sends back in If-Match. */
    private static Response tagged(Volunteer v) {
        return Response.ok(v).cacheControl(NO_STORE).header(HttpHeaders.ETAG, IfMatch.etagOf(v.version)).build();
    }
}
