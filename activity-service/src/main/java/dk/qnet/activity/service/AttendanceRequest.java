package dk.qnet.activity.service;

import java.util.List;
import java.util.UUID;

/** Who came (registration ids) and how many women, children and volunteers came in all. */
public record AttendanceRequest(List<UUID> attendedRegistrationIds, Integer women, Integer children, Integer volunteers) {
}
