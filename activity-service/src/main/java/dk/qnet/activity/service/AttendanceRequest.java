package dk.qnet.activity.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** Who came (registration ids) and how many women, children and volunteers came in all. */
public record AttendanceRequest(@Size(max = ActivityValidator.MAX_CAPACITY) List<@NotNull UUID> attendedRegistrationIds,
                                @NotNull @Min(0) @Max(ActivityValidator.MAX_CAPACITY) Integer women,
                                @NotNull @Min(0) @Max(ActivityValidator.MAX_CAPACITY) Integer children,
                                @NotNull @Min(0) @Max(ActivityValidator.MAX_CAPACITY) Integer volunteers) {
}
