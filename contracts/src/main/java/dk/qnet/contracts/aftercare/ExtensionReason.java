package dk.qnet.contracts.aftercare;

/**
 * Why the adviser extends the aftercare window beyond 6 months, "in special cases up to a year"
 * (Serviceloven §109, stk. 7). The special cases are those the source documents name as what keeps
 * a woman from settling after the stay (referral-service/README.md, "The §109 workspace", cites them):
 */
public enum ExtensionReason {
    /** 38% meet new violence after the stay, mostly psychological; many fear he knows where they live. */
    NEW_VIOLENCE_OR_THREATS,
    /** Housing not settled: a temporary home, or uncertainty about the home she moved to. */
    HOUSING_NOT_SETTLED,
    /** Psychological help not yet under way: outside the ten hours, a wait of up to a year and a half. */
    PSYCHOLOGICAL_HELP_PENDING,
    /** The children's school, day care or own support not yet in place. */
    CHILDREN_NOT_SETTLED,
    /** Economy or debt not yet in order. */
    ECONOMY_OR_DEBT_UNRESOLVED,
    /** A temporary residence permit (12% of the women) makes her situation depend on her case. */
    RESIDENCE_STATUS_UNRESOLVED
}
