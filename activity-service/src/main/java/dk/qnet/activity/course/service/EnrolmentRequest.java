package dk.qnet.activity.course.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** A woman applies, or is put forward, by her referral id; with the children she brings if the course is for children. */
public record EnrolmentRequest(@NotNull UUID referralId, @Min(0) @Max(CourseRules.MAX_CHILDREN) Integer children) {
}
