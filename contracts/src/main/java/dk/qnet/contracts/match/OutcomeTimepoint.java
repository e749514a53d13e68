package dk.qnet.contracts.match;

/** When a woman gave her own ratings: at the start of the match, after three months, at the end. */
public enum OutcomeTimepoint {
    START,
    THREE_MONTHS,
    END
}
