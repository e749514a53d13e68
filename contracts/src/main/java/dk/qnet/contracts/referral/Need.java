package dk.qnet.contracts.referral;

/** What a woman would like support with: a closed list, so it can travel without identifying her. */
public enum Need {
    NETWORK,
    PRACTICAL_HELP,
    AUTHORITY_MEETINGS,
    CHILDREN_ACTIVITIES,
    DANISH_PRACTICE,
    OTHER
}
