package dk.qnet.activity.service;

import dk.qnet.activity.VenueKind;
import dk.qnet.contracts.Limits;
import dk.qnet.contracts.activity.ActivityType;
import dk.qnet.contracts.activity.Audience;
import dk.qnet.contracts.network.NetworkIds;
import dk.qnet.platform.validation.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Create or edit an activity. A coordinator's network comes from her token; admin names it. */
public record ActivityRequest(@Size(max = NetworkIds.MAX_LENGTH) String networkId,
                              @NotBlank @Size(max = ActivityValidator.MAX_TITLE) @PlainText String title,
                              @Size(max = ActivityValidator.MAX_DESCRIPTION) @PlainText String description,
                              @NotNull ActivityType type,
                              @NotNull Instant startsAt, @NotNull Instant endsAt,
                              @NotBlank @Size(max = ActivityValidator.MAX_VENUE) @PlainText String venue,
                              @NotNull(message = "is required: PUBLIC_PLACE or NETWORK_PREMISES, never a participant's home") VenueKind venueKind,
                              @NotEmpty(message = "at least one of WOMEN, CHILDREN, VOLUNTEERS") @Size(min = 1, max = Limits.MAX_CODES)
                              List<@NotNull Audience> audience,
                              @NotNull @Min(1) @Max(ActivityValidator.MAX_CAPACITY) Integer capacity,
                              Instant signupDeadline) {
}
