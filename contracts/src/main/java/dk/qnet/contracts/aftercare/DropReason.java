package dk.qnet.contracts.aftercare;

/** Why a goal was dropped, as a code (never free text). */
public enum DropReason {
    NO_LONGER_NEEDED,
    SHE_DECLINED,
    COVERED_BY_ANOTHER_GOAL,
    MOVED_TO_ANOTHER_MUNICIPALITY,
    NOT_POSSIBLE_IN_THE_WINDOW
}
