package dk.qnet.contracts.match;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A woman's own ratings. The six wellbeing dimensions are 0-4; safety feeling is 1-7.
 * Numbers only: never free text.
 */
public record OutcomeRatings(@Schema(minimum = "" + OutcomeRatings.DIMENSION_MIN, maximum = "" + OutcomeRatings.DIMENSION_MAX) int network, @Schema(minimum = "" + OutcomeRatings.DIMENSION_MIN, maximum = "" + OutcomeRatings.DIMENSION_MAX) int community, @Schema(minimum = "" + OutcomeRatings.DIMENSION_MIN, maximum = "" + OutcomeRatings.DIMENSION_MAX) int health,
                             @Schema(minimum = "" + OutcomeRatings.DIMENSION_MIN, maximum = "" + OutcomeRatings.DIMENSION_MAX) int economy, @Schema(minimum = "" + OutcomeRatings.DIMENSION_MIN, maximum = "" + OutcomeRatings.DIMENSION_MAX) int housing, @Schema(minimum = "" + OutcomeRatings.DIMENSION_MIN, maximum = "" + OutcomeRatings.DIMENSION_MAX) int jobEducation,
                             @Schema(minimum = "" + OutcomeRatings.SAFETY_MIN, maximum = "" + OutcomeRatings.SAFETY_MAX) int safety) {

    public static final int DIMENSION_MIN = 0;
    public static final int DIMENSION_MAX = 4;
    public static final int SAFETY_MIN = 1;
    public static final int SAFETY_MAX = 7;

    /** The six wellbeing dimensions in a fixed order. */
    public int[] dimensions() {
        return new int[] {network, community, health, economy, housing, jobEducation};
    }
}
