package dk.qnet.matching.waiting;

/** Where a woman stands in the matching pool. */
public enum PoolStatus {
    /** Not yet accepted by the network's coordinator: not matched yet. */
    WAITING,
    /** Accepted and without a volunteer: the engine proposes for her. */
    READY,
    /** A volunteer has been asked. */
    OFFERED,
    /** A volunteer said yes. */
    MATCHED
}
