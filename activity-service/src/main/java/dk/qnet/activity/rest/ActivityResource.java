package dk.qnet.activity.rest;

import dk.qnet.activity.Activity;
import dk.qnet.activity.service.ActivityService;
import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/activities")
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {

    public record ActivityView(UUID id, String networkId, String title, String type, Instant startsAt, Instant endsAt,
                               String venue, int capacity, String status) {

        static ActivityView of(Activity a) {
            return new ActivityView(a.id, a.networkId, a.title, a.type, a.startsAt, a.endsAt, a.venue, a.capacity, a.status);
        }
    }

    private final ActivityService activities;
    private final CallerIdentity caller;

    public ActivityResource(ActivityService activities, CallerIdentity caller) {
        this.activities = activities;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    public List<ActivityView> list() {
        return activities.listVisible(caller).stream().map(ActivityView::of).toList();
    }
}
