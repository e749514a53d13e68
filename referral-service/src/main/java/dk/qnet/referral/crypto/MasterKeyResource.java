package dk.qnet.referral.crypto;

import dk.qnet.platform.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Which master keys wrap how many data keys: an operator retires a key (removes it from
 * QNET_CRYPTO_RETIRING_KEYS and destroys it) only once it wraps nothing. Key ids and counts only.
 */
@Path("/api/v1/admin/master-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class MasterKeyResource {

    private final MasterKeyRotation rotation;

    public MasterKeyResource(MasterKeyRotation rotation) {
        this.rotation = rotation;
    }

    @GET
    @APIResponse(responseCode = "200", description = "Each master key, configured or still named by a wrapping, with its row counts.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, maxItems = MasterKeyRotation.MAX_LISTED, implementation = MasterKeyRotation.KeyUsage.class)))
    public List<MasterKeyRotation.KeyUsage> usage() {
        return rotation.usage();
    }
}
