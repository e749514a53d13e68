package dk.qnet.contracts.aftercare;

/**
 * The fixed domains of the shared aftercare plan (handleplan), after what Serviceloven §109, stk. 7
 * asks the municipality's coordinating adviser to hold together: housing, economy, work or school,
 * the children, the health service, safety and a network.
 */
public enum GoalDomain {
    HOUSING,
    ECONOMY_AND_DEBT,
    WORK_OR_EDUCATION,
    /** School, day care and the children's own support. */
    CHILDREN,
    /** Health, psychological help included (§109, stk. 9: ten hours with a psychologist). */
    HEALTH,
    SAFETY,
    NETWORK
}
