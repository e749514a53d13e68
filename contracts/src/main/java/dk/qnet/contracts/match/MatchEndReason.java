package dk.qnet.contracts.match;

/** Why a match ended: a coded reason, never free text. */
public enum MatchEndReason {
    COMPLETED_AS_PLANNED,
    WOMAN_MOVED,
    WOMAN_STOPPED,
    VOLUNTEER_STOPPED,
    NOT_A_GOOD_FIT,
    CONSENT_WITHDRAWN,
    OTHER
}
