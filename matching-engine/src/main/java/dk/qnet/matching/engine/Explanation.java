package dk.qnet.matching.engine;

import java.util.List;

/**
 * Why a pair was proposed: the score, each component with its points, and the hard constraints
 * that were checked. Texts are in Danish for the coordinators' pages; codes for the API.
 */
public record Explanation(int score, List<Component> components, List<Check> checks) {

    public record Component(String code, int points, String text) {
    }

    public record Check(String code, boolean passed, String text) {
    }

    public boolean feasible() {
        return checks.stream().allMatch(Check::passed);
    }
}
