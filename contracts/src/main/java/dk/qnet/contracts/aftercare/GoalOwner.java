package dk.qnet.contracts.aftercare;

/** Who answers for a goal of the plan. */
public enum GoalOwner {
    SHELTER,
    ADVISER,
    QNET,
    /** Another named civil-society offer (such as Mødrehjælpen's "Fra Bolig til Hjem"). */
    OTHER_OFFER
}
