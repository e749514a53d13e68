package dk.qnet.matching.engine;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Why a pair was proposed: the score, each component with its points, and the hard constraints
 * that were checked. Texts are in Danish for the coordinators' pages; codes for the API.
 */
public record Explanation(@Schema(minimum = "" + Integer.MIN_VALUE, maximum = "" + Integer.MAX_VALUE) int score,
                          @Schema(maxItems = MAX_PARTS) List<Component> components,
                          @Schema(maxItems = MAX_PARTS) List<Check> checks) {

    /** PairScorer has 8 components and 7 checks; the documents promise no more than this. */
    public static final int MAX_PARTS = 20;
    public static final int MAX_CODE = 40;
    public static final int MAX_TEXT = 200;

    public record Component(@Schema(maxLength = MAX_CODE) String code, @Schema(minimum = "" + Integer.MIN_VALUE, maximum = "" + Integer.MAX_VALUE) int points, @Schema(maxLength = MAX_TEXT) String text) {
    }

    public record Check(@Schema(maxLength = MAX_CODE) String code, boolean passed, @Schema(maxLength = MAX_TEXT) String text) {
    }

    public boolean feasible() {
        return checks.stream().allMatch(Check::passed);
    }
}
