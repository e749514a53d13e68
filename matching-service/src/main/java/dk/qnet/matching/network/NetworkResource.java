package dk.qnet.matching.network;

import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The directory of local networks is public; only admin changes it. */
@Path("/api/v1/networks")
@Produces(MediaType.APPLICATION_JSON)
public class NetworkResource {

    private final NetworkService networks;

    public NetworkResource(NetworkService networks) {
        this.networks = networks;
    }

    @GET
    @PermitAll
    @APIResponse(responseCode = "200", description = "Every network.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, maxItems = NetworkService.MAX_NETWORKS, implementation = NetworkService.Network.class)))
    public List<NetworkService.Network> list() {
        return networks.list();
    }

    @GET
    @Path("{networkId}")
    @PermitAll
    public NetworkService.Network get(@PathParam("networkId") String networkId) {
        return networks.find(networkId).orElseThrow(ProblemException::notFound);
    }

    @PUT
    @Path("{networkId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public NetworkService.Network save(@PathParam("networkId") String networkId, NetworkService.NetworkChange change) {
        return networks.save(networkId, change);
    }
}
