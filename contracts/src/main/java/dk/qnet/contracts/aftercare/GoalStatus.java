package dk.qnet.contracts.aftercare;

/** Where a goal of the plan stands. DROPPED always has a {@link DropReason}. */
public enum GoalStatus {
    OPEN,
    IN_PROGRESS,
    MET,
    DROPPED;

    /** Still to be done: the window must not close silently over it. */
    public boolean isOpen() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
