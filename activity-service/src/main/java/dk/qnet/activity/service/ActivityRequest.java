package dk.qnet.activity.service;

import dk.qnet.activity.VenueKind;
import dk.qnet.contracts.Limits;
import dk.qnet.contracts.activity.ActivityType;
import dk.qnet.contracts.activity.Audience;
import dk.qnet.contracts.network.NetworkIds;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Create or edit an activity. A coordinator's network comes from her token; admin names it. */
public record ActivityRequest(@Size(max = NetworkIds.MAX_LENGTH) String networkId,
                              @Size(max = ActivityValidator.MAX_TITLE) String title,
                              @Size(max = ActivityValidator.MAX_DESCRIPTION) String description,
                              ActivityType type,
                              Instant startsAt, Instant endsAt,
                              @Size(max = ActivityValidator.MAX_VENUE) String venue,
                              VenueKind venueKind,
                              @Size(min = 1, max = Limits.MAX_CODES) List<Audience> audience,
                              @Min(1) @Max(ActivityValidator.MAX_CAPACITY) Integer capacity,
                              Instant signupDeadline) {
}
