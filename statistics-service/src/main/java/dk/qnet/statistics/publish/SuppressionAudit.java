package dk.qnet.statistics.publish;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * What a reader can work out about the hidden cells of a cube from everything it publishes: every
 * shown cell and every total relation (a node is the sum of its children along each additive
 * dimension), and that no count is negative. For a hidden cell, the interval it could take is the
 * minimum and maximum of a linear program over those constraints; cells are solved together only
 * with the hidden cells they share a total with, directly or through others (a component).
 *
 * <p>The protection rule: every hidden cell that holds 1 to threshold − 1 could, from all that
 * is published, be 0 and could be at least the threshold. A reader can then neither tell that
 * someone is there nor that few are.
 */
final class SuppressionAudit {

    /** The interval a hidden cell could take; {@code high} is infinite where nothing bounds it. */
    record Interval(double low, double high) {

        boolean protects(int threshold) {
            return low <= 0.5 && high >= threshold - 0.5;
        }
    }

    /**
     * The largest component solved. The solver is a dense simplex, and a year's national cube of a
     * measure with many small cells joins hundreds of hidden cells into one component, where each
     * interval would take seconds: those rest on the line rules alone (Cube.protect). That is a gap,
     * stated in the statistics README: on random cubes, a linear program over such a component
     * narrowed a small cell to [1, 8].
     */
    static final int MAX_VARIABLES = 60;

    private SuppressionAudit() {
    }

    /** The interval of every hidden cell of the cube (by its coordinates {t, g, k}), however large its component. */
    static Map<List<Integer>, Interval> intervals(Cube cube) {
        return intervals(cube, false, Integer.MAX_VALUE);
    }

    /**
     * The interval of every hidden cell that holds 1 to below the threshold (the primary ones), in
     * the components the audit solves (at most {@link #MAX_VARIABLES} hidden cells).
     */
    static Map<List<Integer>, Interval> auditedPrimaryIntervals(Cube cube) {
        return intervals(cube, true, MAX_VARIABLES);
    }

    /**
     * The primary cells the rule does not protect (the reader can pin them closer than [0,
     * threshold]), among components of at most {@link #MAX_VARIABLES} hidden cells.
     */
    static List<int[]> unprotected(Cube cube, int threshold) {
        List<int[]> failing = new ArrayList<>();
        auditedPrimaryIntervals(cube).forEach((c, interval) -> {
            if (!interval.protects(threshold)) {
                failing.add(new int[] {c.get(0), c.get(1), c.get(2)});
            }
        });
        return failing;
    }

    private static Map<List<Integer>, Interval> intervals(Cube cube, boolean primaryOnly, int maxVariables) {
        Map<List<Integer>, Integer> variable = new LinkedHashMap<>();
        List<int[][]> lines = new ArrayList<>();
        for (int[][] line : cube.lines()) {
            boolean anyHidden = false;
            for (int[] c : line) {
                if (cube.state(c[0], c[1], c[2]) != Cube.State.SHOWN) {
                    variable.putIfAbsent(List.of(c[0], c[1], c[2]), variable.size());
                    anyHidden = true;
                }
            }
            if (anyHidden) {
                lines.add(line);
            }
        }
        int[] component = components(variable, lines);
        Map<Integer, List<int[][]>> linesOf = new HashMap<>();
        for (int[][] line : lines) {
            for (int[] c : line) {
                Integer v = variable.get(List.of(c[0], c[1], c[2]));
                if (v != null) {
                    linesOf.computeIfAbsent(component[v], x -> new ArrayList<>()).add(line);
                    break;
                }
            }
        }
        Map<List<Integer>, Interval> intervals = new LinkedHashMap<>();
        Map<Integer, List<List<Integer>>> members = new HashMap<>();
        variable.forEach((cell, v) -> members.computeIfAbsent(component[v], x -> new ArrayList<>()).add(cell));
        members.forEach((id, cells) -> {
            if (cells.size() > maxVariables) {
                return;
            }
            List<List<Integer>> targets = cells.stream().filter(c -> !primaryOnly
                    || cube.state(c.get(0), c.get(1), c.get(2)) == Cube.State.BELOW_THRESHOLD).toList();
            if (targets.isEmpty()) {
                return;
            }
            Map<List<Integer>, Integer> local = new HashMap<>();
            cells.forEach(c -> local.put(c, local.size()));
            List<LinearConstraint> constraints = constraints(cube, linesOf.getOrDefault(id, List.of()), local);
            for (List<Integer> target : targets) {
                intervals.put(target, new Interval(solve(constraints, local.size(), local.get(target), GoalType.MINIMIZE),
                        solve(constraints, local.size(), local.get(target), GoalType.MAXIMIZE)));
            }
        });
        return intervals;
    }

    /** Each line as an equation over its hidden cells: children minus the node equal what the shown cells leave. */
    private static List<LinearConstraint> constraints(Cube cube, List<int[][]> lines, Map<List<Integer>, Integer> local) {
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int[][] line : lines) {
            double[] coefficients = new double[local.size()];
            double rest = 0;
            for (int m = 0; m < line.length; m++) {
                int[] c = line[m];
                double sign = m == 0 ? -1 : 1;
                Integer v = local.get(List.of(c[0], c[1], c[2]));
                if (v != null) {
                    coefficients[v] += sign;
                } else {
                    rest -= sign * cube.value(c[0], c[1], c[2]);
                }
            }
            constraints.add(new LinearConstraint(coefficients, Relationship.EQ, rest));
        }
        return constraints;
    }

    private static double solve(List<LinearConstraint> constraints, int variables, int target, GoalType goal) {
        double[] objective = new double[variables];
        objective[target] = 1;
        try {
            PointValuePair optimum = new SimplexSolver().optimize(new MaxIter(1_000_000), new LinearObjectiveFunction(objective, 0),
                    new LinearConstraintSet(constraints), goal, new NonNegativeConstraint(true));
            return optimum.getValue();
        } catch (UnboundedSolutionException e) {
            return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : 0;
        }
    }

    /** Union-find over the hidden cells: two are in one component when a line holds both. */
    private static int[] components(Map<List<Integer>, Integer> variable, List<int[][]> lines) {
        int[] parent = new int[variable.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int[][] line : lines) {
            int first = -1;
            for (int[] c : line) {
                Integer v = variable.get(List.of(c[0], c[1], c[2]));
                if (v == null) {
                    continue;
                }
                if (first < 0) {
                    first = v;
                } else {
                    parent[root(parent, v)] = root(parent, first);
                }
            }
        }
        int[] component = new int[parent.length];
        for (int i = 0; i < parent.length; i++) {
            component[i] = root(parent, i);
        }
        return component;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
