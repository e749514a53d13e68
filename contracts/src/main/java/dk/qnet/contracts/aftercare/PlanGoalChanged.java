package dk.qnet.contracts.aftercare;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A goal of the shared aftercare plan was added or changed its status. Codes only: the goal's note
 * is personal data and stays sealed in referral-service.
 *
 * @param dropReason set when the status is DROPPED
 */
public record PlanGoalChanged(UUID referralId, String municipalityCode, UUID goalId, GoalDomain domain, GoalOwner owner,
                              GoalStatus status, DropReason dropReason, Instant changedAt) {

    public PlanGoalChanged {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        Objects.requireNonNull(goalId, "goalId");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
