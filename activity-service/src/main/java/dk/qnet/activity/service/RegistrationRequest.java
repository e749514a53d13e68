package dk.qnet.activity.service;

import dk.qnet.activity.Registration;
import java.util.UUID;

/**
 * WOMAN: her referral id and how many children come along. VOLUNTEER: the volunteer's id.
 * ANONYMOUS: only head counts, for people who want to be in no system.
 */
public record RegistrationRequest(Registration.Kind kind, UUID referralId, UUID volunteerId,
                                  Integer women, Integer children, Integer volunteers) {
}
