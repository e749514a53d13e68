package dk.qnet.contracts.activity;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A group course was closed after its last session. Counts only: the sessions held,
 * the women who came at least once, the children who came, how many women completed it (attended
 * the course's share of the sessions) and how many dropped out.
 */
public record CourseEnded(UUID courseId, String networkId, CourseTheme theme, Instant endedAt, int sessionsHeld,
                          int women, int children, int completed, int droppedOut) {

    public CourseEnded {
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(endedAt, "endedAt");
        if (sessionsHeld < 0 || women < 0 || children < 0 || completed < 0 || droppedOut < 0 || completed > women) {
            throw new IllegalArgumentException("counts not negative; no more completed than women");
        }
    }
}
