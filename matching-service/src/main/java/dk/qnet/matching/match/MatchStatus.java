package dk.qnet.matching.match;

/** Where a match stands; {@link MatchLifecycle} says which step may follow which. */
public enum MatchStatus {
    /** The coordinator approved a proposal and asked the volunteer. */
    OFFERED,
    /** The volunteer said yes; no meeting yet. */
    ACCEPTED,
    /** The volunteer said no, or the offer fell with the woman's consent. */
    DECLINED,
    /** The first meeting was held. */
    ACTIVE,
    /** Ended with a reason. */
    ENDED;

    /** Still holds a place in the volunteer's capacity. */
    public boolean open() {
        return this == OFFERED || this == ACCEPTED || this == ACTIVE;
    }

    /** The volunteer said yes and the match has not ended: meetings are logged, the match may end. */
    public boolean running() {
        return this == ACCEPTED || this == ACTIVE;
    }
}
