package dk.qnet.referral.webhook;

import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** A sending organisation's callback for status changes of its referrals. */
@Path("/api/v1/webhook")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SHELTER, Roles.ADVISER})
public class WebhookResource {

    public record Registration(@Size(max = Webhooks.MAX_URL_LENGTH) String url) {
    }

    private final Webhooks webhooks;
    private final CallerIdentity caller;

    public WebhookResource(Webhooks webhooks, CallerIdentity caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    /** Registers or replaces the callback; the answer holds the signing secret, shown this once. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(Registration body) {
        Webhooks.Subscription s = webhooks.register(org(), body == null ? null : body.url());
        return Response.ok(Map.of("url", s.url(), "secret", s.secret())).header("Cache-Control", "no-store").build();
    }

    @GET
    public Registration get() {
        return webhooks.urlOf(org()).map(Registration::new).orElseThrow(ProblemException::notFound);
    }

    @DELETE
    public Response delete() {
        if (!webhooks.unregister(org())) {
            throw ProblemException.notFound();
        }
        return Response.noContent().build();
    }

    private String org() {
        return caller.senderOrg().orElseThrow(() -> ProblemException.forbidden("The token lacks its organisation claim."));
    }
}
