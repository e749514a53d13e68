package dk.qnet.activity.course.service;

import dk.qnet.activity.course.Enrolment;
import jakarta.validation.constraints.NotNull;

/** Why an admitted woman left the course. */
public record DropOutRequest(@NotNull(message = "is required: a coded reason") Enrolment.DropOutReason reason) {
}
