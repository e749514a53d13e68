package dk.qnet.activity.course.service;

import dk.qnet.activity.VenueKind;
import dk.qnet.activity.course.Course;
import dk.qnet.activity.course.CourseSchedule;
import dk.qnet.activity.service.ActivityValidator;
import dk.qnet.contracts.Limits;
import dk.qnet.contracts.activity.CourseTheme;
import dk.qnet.contracts.network.NetworkIds;
import dk.qnet.platform.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A new course. A coordinator's network comes from her token; admin names it. With
 * {@code previousCohortId} the course is the next cohort of an earlier one and takes over the
 * women still waiting there, in their order.
 */
public record CourseRequest(@Size(max = NetworkIds.MAX_LENGTH) String networkId,
                            @NotBlank @Size(max = ActivityValidator.MAX_TITLE) @PlainText String title,
                            @Size(max = ActivityValidator.MAX_DESCRIPTION) @PlainText String description,
                            @NotNull CourseTheme theme,
                            @NotNull Course.Audience audience,
                            @Schema(description = "For children: the youngest age (years) the course is for.") @Min(0) @Max(CourseRules.MAX_CHILD_AGE) Integer childMinAge,
                            @Schema(description = "For children: the oldest age (years) the course is for.") @Min(0) @Max(CourseRules.MAX_CHILD_AGE) Integer childMaxAge,
                            @NotNull @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code, such as da")
                            @Size(min = Limits.LANGUAGE_CODE_LENGTH, max = Limits.LANGUAGE_CODE_LENGTH) String language,
                            @NotBlank @Size(max = ActivityValidator.MAX_VENUE) @PlainText String venue,
                            @NotNull(message = "is required: PUBLIC_PLACE or NETWORK_PREMISES, never a participant's home") VenueKind venueKind,
                            @NotNull @Min(1) @Max(CourseRules.MAX_CAPACITY) Integer capacity,
                            @NotNull @Valid Schedule schedule,
                            @Valid Completion completion,
                            @Size(max = CourseRules.MAX_LEADERS) List<@NotNull @Valid Leader> leaders,
                            UUID previousCohortId) {

    /**
     * The series: the first session's date and Danish time, the length of a session, weekly or every
     * other week, and either the number of sessions or the date of the last one.
     */
    public record Schedule(@NotNull LocalDate firstDate,
                           @NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be a time such as 17:00")
                           @Size(min = 5, max = 5) String startTime,
                           @NotNull @Min(CourseRules.MIN_DURATION_MINUTES) @Max(CourseRules.MAX_DURATION_MINUTES) Integer durationMinutes,
                           @NotNull CourseSchedule.Frequency frequency,
                           @Schema(minimum = "" + CourseSchedule.MIN_SESSIONS, maximum = "" + CourseSchedule.MAX_SESSIONS)
                           @Min(CourseSchedule.MIN_SESSIONS) @Max(CourseSchedule.MAX_SESSIONS) Integer sessions,
                           @Schema(description = "Instead of sessions: the date of the last session.") LocalDate lastDate) {
    }

    /** A woman completes the course when she attended at least {@code sessions} of every {@code outOf} sessions held (default 2 of 3). */
    public record Completion(@NotNull @Min(1) @Max(CourseSchedule.MAX_SESSIONS) Integer sessions,
                             @NotNull @Min(1) @Max(CourseSchedule.MAX_SESSIONS) Integer outOf) {
    }

    /** A volunteer of the network, by id, or a member of staff by her role ("Koordinator"): one of the two. */
    public record Leader(UUID volunteerId, @Size(max = CourseRules.MAX_STAFF_ROLE) @PlainText String staffRole) {
    }
}
