package dk.qnet.activity.course.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** Who came to a session: admitted women (by enrolment, with how many of their children) and leaders. Sent again, it replaces the last. */
public record SessionAttendanceRequest(@Size(max = CourseRules.MAX_CAPACITY) List<@NotNull @Valid Woman> women,
                                       @Size(max = CourseRules.MAX_LEADERS) List<@NotNull UUID> leaders) {

    public record Woman(@NotNull UUID enrolmentId, @Min(0) @Max(CourseRules.MAX_CHILDREN) Integer children) {
    }
}
