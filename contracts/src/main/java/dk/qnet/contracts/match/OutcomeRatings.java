package dk.qnet.contracts.match;

/**
 * A woman's own ratings. The six wellbeing dimensions are 0-4; safety feeling is 1-7.
 * Numbers only: never free text.
 */
public record OutcomeRatings(int network, int community, int health, int economy, int housing, int jobEducation,
                             int safety) {

    public static final int DIMENSION_MIN = 0;
    public static final int DIMENSION_MAX = 4;
    public static final int SAFETY_MIN = 1;
    public static final int SAFETY_MAX = 7;

    /** The six wellbeing dimensions in a fixed order. */
    public int[] dimensions() {
        return new int[] {network, community, health, economy, housing, jobEducation};
    }
}
