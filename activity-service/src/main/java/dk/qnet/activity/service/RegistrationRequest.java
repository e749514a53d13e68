package dk.qnet.activity.service;

import dk.qnet.activity.Registration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * WOMAN: her referral id and how many children come along. VOLUNTEER: the volunteer's id.
 * ANONYMOUS: only head counts, for people who want to be in no system.
 */
public record RegistrationRequest(@NotNull(message = "is required: WOMAN, VOLUNTEER or ANONYMOUS") Registration.Kind kind, UUID referralId, UUID volunteerId,
                                  @Min(0) @Max(ActivityValidator.MAX_HEADS) Integer women,
                                  @Min(0) @Max(ActivityValidator.MAX_HEADS) Integer children,
                                  @Min(0) @Max(ActivityValidator.MAX_HEADS) Integer volunteers) {
}
