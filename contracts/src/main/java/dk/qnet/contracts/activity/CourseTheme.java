package dk.qnet.contracts.activity;

/** What a group course is about. */
public enum CourseTheme {
    MOTHERS,
    CHILDREN,
    SELF_ESTEEM_AND_TRAUMA,
    ECONOMY,
    DANISH_CONVERSATION,
    OTHER
}
