package dk.qnet.contracts.aftercare;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The window's last day passed. The goals of the plan are counted by domain; a window that ended
 * with goals still open is flagged ({@code goalsStillOpen}), never closed as if it were done.
 */
public record AftercareWindowClosed(UUID referralId, String municipalityCode, LocalDate endedOn, boolean extended,
                                    List<DomainCount> goals, boolean goalsStillOpen, Instant closedAt) {

    public AftercareWindowClosed {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        Objects.requireNonNull(endedOn, "endedOn");
        Objects.requireNonNull(closedAt, "closedAt");
        goals = goals == null ? List.of() : List.copyOf(goals);
    }

    /** The goals of one domain at the close. */
    public record DomainCount(GoalDomain domain, int met, int open, int dropped) {
    }
}
