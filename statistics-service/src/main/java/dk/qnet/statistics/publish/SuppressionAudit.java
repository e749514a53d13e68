package dk.qnet.statistics.publish;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a reader can work out about the hidden cells of a cube from everything it publishes: every
 * shown cell and every total relation (a node is the sum of its children along each additive
 * dimension, and of each other set of parts it has), and that no count is negative. For a hidden
 * cell, the interval it could take is the minimum and maximum of a linear program over those
 * constraints ({@link LinearProgram}); cells are solved together only with the hidden cells they
 * share a total with, directly or through others (a component), and every component is solved,
 * however large.
 *
 * <p>The protection rule: every hidden cell that holds 1 to threshold − 1 could, from all that
 * is published, be 0 and could be at least the threshold. A reader can then neither tell that
 * someone is there nor that few are.
 */
final class SuppressionAudit {

    /** The interval a hidden cell could take; {@code high} is infinite where nothing bounds it. */
    record Interval(double low, double high) {

        boolean protects(int threshold) {
            return low <= EPSILON && high >= threshold - EPSILON;
        }
    }

    /**
     * How close to 0 (or to the threshold) a cell must come. Counts are whole numbers, so a reader
     * who finds that a cell is at least 0.5 knows it is at least 1: the linear program's vertices
     * can be fractional, and only a solution at 0 itself vouches that a cell could be empty.
     */
    static final double EPSILON = 1e-6;

    private SuppressionAudit() {
    }

    /** The interval of every hidden cell of the cube (by its coordinates {t, g, k}). */
    static Map<List<Integer>, Interval> intervals(Cube cube) {
        return intervals(cube, false);
    }

    /** The interval of every hidden cell that holds 1 to below the threshold (the primary ones). */
    static Map<List<Integer>, Interval> primaryIntervals(Cube cube) {
        return intervals(cube, true);
    }

    private static Map<List<Integer>, Interval> intervals(Cube cube, boolean primaryOnly) {
        double cap = 2.0 * largest(cube) + 100;
        Map<List<Integer>, Interval> intervals = new LinkedHashMap<>();
        forEachComponent(cube, c -> !primaryOnly || cube.state(c.get(0), c.get(1), c.get(2)) == Cube.State.BELOW_THRESHOLD, (cells, program) -> {
            for (int v = 0; v < cells.size(); v++) {
                List<Integer> c = cells.get(v);
                if (!primaryOnly || cube.state(c.get(0), c.get(1), c.get(2)) == Cube.State.BELOW_THRESHOLD) {
                    LinearProgram.Solution least = program.minimise(List.of(v));
                    LinearProgram.Solution most = program.maximise(v, cap);
                    if (least == null || most == null) {
                        throw new IllegalStateException("the linear program of cell " + c + " was not solved");
                    }
                    intervals.put(c, new Interval(least.value(), most.value()));
                }
            }
        });
        return intervals;
    }

    private static long largest(Cube cube) {
        long largest = 0;
        for (int t = 0; t < cube.dimension(0).size(); t++) {
            for (int g = 0; g < cube.dimension(1).size(); g++) {
                for (int k = 0; k < cube.dimension(2).size(); k++) {
                    largest = Math.max(largest, Math.abs(cube.value(t, g, k)));
                }
            }
        }
        return largest;
    }

    /**
     * The primary cells the rule does not protect: the reader can pin them closer than [0,
     * threshold]. Each solution found is a witness for every cell in it: a cell that is 0 in one
     * could be 0, one at the threshold could reach it. So first the sum of the open cells is
     * minimised (and, each capped at the threshold, maximised), and only the cells no solution has
     * vouched for yet get programs of their own.
     */
    static List<int[]> unprotected(Cube cube, int threshold) {
        return unprotected(cube, threshold, null);
    }

    /**
     * As {@link #unprotected(Cube, int)}, for the primary cells in {@code only} (all where null).
     * Hiding a cell only widens what the others could be (a fixed number becomes an unknown), so a
     * cell once protected stays protected, and after hiding more only the failing cells need another look.
     */
    static List<int[]> unprotected(Cube cube, int threshold, Set<List<Integer>> only) {
        List<int[]> failing = new ArrayList<>();
        forEachComponent(cube, cell -> cube.state(cell.get(0), cell.get(1), cell.get(2)) == Cube.State.BELOW_THRESHOLD
                && (only == null || only.contains(cell)), (cells, program) -> {
            Set<Integer> low = new LinkedHashSet<>();
            for (int v = 0; v < cells.size(); v++) {
                List<Integer> c = cells.get(v);
                if (cube.state(c.get(0), c.get(1), c.get(2)) == Cube.State.BELOW_THRESHOLD && (only == null || only.contains(c))) {
                    low.add(v);
                }
            }
            Set<Integer> high = new LinkedHashSet<>(low);
            Set<Integer> failed = new LinkedHashSet<>();
            // The sum of the open cells, again while that vouches for more of them.
            for (int open = -1; !low.isEmpty() && low.size() != open; ) {
                open = low.size();
                vouch(program.minimise(low), low, high, threshold);
            }
            for (int v : List.copyOf(low)) {
                if (low.contains(v)) {
                    LinearProgram.Solution least = program.minimise(List.of(v));
                    // Where the solver fails, the cell counts as pinned: more is hidden.
                    if (least == null || least.value() > EPSILON) {
                        failed.add(v);
                        low.remove(v);
                    }
                    vouch(least, low, high, threshold);
                }
            }
            high.removeAll(failed);
            for (int open = -1; !high.isEmpty() && high.size() != open; ) {
                open = high.size();
                vouch(program.maximiseCapped(high, threshold), low, high, threshold);
            }
            for (int v : List.copyOf(high)) {
                if (high.contains(v)) {
                    LinearProgram.Solution most = program.maximiseCapped(List.of(v), threshold);
                    if (most == null || most.value() < threshold - EPSILON) {
                        failed.add(v);
                        high.remove(v);
                    }
                    vouch(most, low, high, threshold);
                }
            }
            failed.forEach(v -> failing.add(new int[] {cells.get(v).get(0), cells.get(v).get(1), cells.get(v).get(2)}));
        });
        return failing;
    }

    /** Takes out of the open sets every cell the solution shows could be 0, or could reach the threshold. */
    private static void vouch(LinearProgram.Solution solution, Set<Integer> low, Set<Integer> high, int threshold) {
        if (solution == null) {
            return;
        }
        double[] x = solution.values();
        low.removeIf(v -> x[v] <= EPSILON);
        high.removeIf(v -> x[v] >= threshold - EPSILON);
    }

    private interface ComponentVisitor {
        /** @param cells the component's hidden cells; the program's unknown i is cells.get(i) */
        void visit(List<List<Integer>> cells, LinearProgram program);
    }

    /** Each component of hidden cells that holds a target, with the linear program of the lines that hold them. */
    private static void forEachComponent(Cube cube, java.util.function.Predicate<List<Integer>> target, ComponentVisitor visitor) {
        Map<List<Integer>, Integer> variable = new LinkedHashMap<>();
        List<int[][]> lines = new ArrayList<>();
        java.util.Set<int[][]> bounds = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        bounds.addAll(cube.relations());
        for (int[][] line : cube.groups()) {
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
        Map<Integer, List<List<Integer>>> members = new LinkedHashMap<>();
        variable.forEach((cell, v) -> members.computeIfAbsent(component[v], x -> new ArrayList<>()).add(cell));
        members.forEach((id, cells) -> {
            if (cells.stream().noneMatch(target)) {
                return;
            }
            Map<List<Integer>, Integer> local = new HashMap<>();
            cells.forEach(c -> local.put(c, local.size()));
            try (LinearProgram program = new LinearProgram(cells.size(), constraints(cube, linesOf.getOrDefault(id, List.of()), bounds, local))) {
                visitor.visit(cells, program);
            }
        });
    }

    /**
     * Each line as an equation over its hidden cells: children minus the node equal what the shown
     * cells leave. Each relation of distinct counts (a period and its parts) as inequalities: the
     * node at least each part, the parts together at least the node.
     */
    private static List<LinearProgram.Constraint> constraints(Cube cube, List<int[][]> lines, java.util.Set<int[][]> bounds,
                                                             Map<List<Integer>, Integer> local) {
        List<LinearProgram.Constraint> constraints = new ArrayList<>();
        for (int[][] line : lines) {
            if (!bounds.contains(line)) {
                double[] rest = new double[1];
                Map<Integer, Double> coefficients = terms(cube, line, 0, line.length, 1, local, rest);
                addTerm(cube, line[0], -1, coefficients, local, rest);
                constraints.add(LinearProgram.Constraint.equal(coefficients, rest[0]));
                continue;
            }
            for (int m = 1; m < line.length; m++) {
                // node - part >= 0
                double[] rest = new double[1];
                Map<Integer, Double> coefficients = new HashMap<>();
                addTerm(cube, line[0], 1, coefficients, local, rest);
                addTerm(cube, line[m], -1, coefficients, local, rest);
                if (!coefficients.isEmpty()) {
                    constraints.add(LinearProgram.Constraint.atLeast(coefficients, rest[0]));
                }
            }
            // parts - node >= 0
            double[] rest = new double[1];
            Map<Integer, Double> coefficients = terms(cube, line, 1, line.length, 1, local, rest);
            addTerm(cube, line[0], -1, coefficients, local, rest);
            if (!coefficients.isEmpty()) {
                constraints.add(LinearProgram.Constraint.atLeast(coefficients, rest[0]));
            }
        }
        return constraints;
    }

    private static Map<Integer, Double> terms(Cube cube, int[][] line, int from, int to, double sign, Map<List<Integer>, Integer> local,
                                              double[] rest) {
        Map<Integer, Double> coefficients = new HashMap<>();
        for (int m = Math.max(from, 1); m < to; m++) {
            addTerm(cube, line[m], sign, coefficients, local, rest);
        }
        return coefficients;
    }

    /** Adds sign × the cell: to the coefficients where it is hidden, else its known value to the other side. */
    private static void addTerm(Cube cube, int[] c, double sign, Map<Integer, Double> coefficients, Map<List<Integer>, Integer> local,
                                double[] rest) {
        Integer v = local.get(List.of(c[0], c[1], c[2]));
        if (v != null) {
            coefficients.merge(v, sign, Double::sum);
        } else {
            rest[0] -= sign * cube.value(c[0], c[1], c[2]);
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
