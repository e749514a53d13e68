package dk.qnet.activity.course.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Moves one session to another Danish date and time (and length, if given). */
public record SessionChange(@NotNull LocalDate date,
                            @NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be a time such as 17:00")
                            @Size(min = 5, max = 5) String startTime,
                            @Min(CourseRules.MIN_DURATION_MINUTES) @Max(CourseRules.MAX_DURATION_MINUTES) Integer durationMinutes) {
}
