package dk.qnet.activity.service;

import dk.qnet.activity.VenueKind;
import dk.qnet.contracts.activity.ActivityType;
import dk.qnet.contracts.activity.Audience;
import java.time.Instant;
import java.util.List;

/** Create or edit an activity. A coordinator's network comes from her token; admin names it. */
public record ActivityRequest(String networkId, String title, String description, ActivityType type,
                              Instant startsAt, Instant endsAt, String venue, VenueKind venueKind,
                              List<Audience> audience, Integer capacity, Instant signupDeadline) {
}
