package dk.qnet.statistics.publish;

import java.util.ArrayList;
import java.util.List;

/**
 * A measure over three dimensions (time, geography, a third such as source or rating), with every
 * total, and with cells suppressed so that no published figure, and no subtraction of published
 * figures along any total, gives a count from 1 to below the threshold.
 *
 * <p>Primary suppression hides each count from 1 to threshold − 1. Complementary suppression then
 * makes every "line" (a node and its children along one dimension, the others fixed) hold either
 * no hidden cell or at least two, so no line can be solved for a hidden cell. Every query is
 * answered from this one cube, so two overlapping queries can't be subtracted to undo it.
 */
public final class Cube {

    public enum State { SHOWN, BELOW_THRESHOLD, HIDDEN_TO_PROTECT }

    private final Dimension[] dims;
    private final long[][][] value;
    private final State[][][] state;
    private final boolean[] additive;

    /**
     * @param additive per dimension, whether a parent is the sum of its children (the time
     *                 dimension of a stock is not: a year's level is its last month's)
     */
    public Cube(Dimension a, Dimension b, Dimension c, boolean[] additive) {
        this.dims = new Dimension[] {a, b, c};
        this.value = new long[a.size()][b.size()][c.size()];
        this.state = new State[a.size()][b.size()][c.size()];
        this.additive = additive.clone();
    }

    public Dimension dimension(int d) {
        return dims[d];
    }

    /** Adds to a leaf cell (every dimension a leaf); totals are made by {@link #rollUp}. */
    public void addLeaf(int i, int j, int k, long v) {
        value[i][j][k] += v;
    }

    /** Fills every parent node, bottom up, in each additive dimension. */
    public void rollUp() {
        for (int dimension = 0; dimension < 3; dimension++) {
            if (!additive[dimension]) {
                continue;
            }
            int d = dimension;
            for (int node : postOrder(dims[d])) {
                if (dims[d].isLeaf(node)) {
                    continue;
                }
                for (int child : dims[d].children(node)) {
                    forEachOther(d, (x, y) -> set(d, node, x, y, get(d, node, x, y) + get(d, child, x, y)));
                }
            }
        }
    }

    public long value(int i, int j, int k) {
        return value[i][j][k];
    }

    public State state(int i, int j, int k) {
        return state[i][j][k];
    }

    /** Applies primary and complementary suppression. */
    public void suppress(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        for (int i = 0; i < value.length; i++) {
            for (int j = 0; j < value[i].length; j++) {
                for (int k = 0; k < value[i][j].length; k++) {
                    long v = value[i][j][k];
                    state[i][j][k] = v > 0 && v < threshold ? State.BELOW_THRESHOLD : State.SHOWN;
                }
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[][] line : lines()) {
                changed |= protect(line, threshold);
            }
        }
    }

    /** Every line: a node and its children along one additive dimension, the other two fixed. */
    public List<int[][]> lines() {
        List<int[][]> lines = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            if (!additive[d]) {
                continue;
            }
            Dimension dim = dims[d];
            for (int node = 0; node < dim.size(); node++) {
                if (dim.isLeaf(node)) {
                    continue;
                }
                List<Integer> members = new ArrayList<>();
                members.add(node);
                members.addAll(dim.children(node));
                int dd = d;
                forEachOther(d, (x, y) -> {
                    int[][] line = new int[members.size()][];
                    for (int m = 0; m < members.size(); m++) {
                        line[m] = coordinates(dd, members.get(m), x, y);
                    }
                    lines.add(line);
                });
            }
        }
        return lines;
    }

    /**
     * A line with exactly one hidden cell gives it away by subtraction: hide one more. The one
     * chosen is the smallest shown count large enough that the two hidden cells together can't
     * be pinned down from the known range of the first (1 to threshold − 1) either.
     */
    private boolean protect(int[][] line, int threshold) {
        int hidden = 0;
        long hiddenValue = 0;
        for (int[] c : line) {
            if (state[c[0]][c[1]][c[2]] != State.SHOWN) {
                hidden++;
                hiddenValue += value[c[0]][c[1]][c[2]];
            }
        }
        if (hidden != 1) {
            return false;
        }
        int[] best = null;
        int[] largest = null;
        for (int[] c : line) {
            long v = value[c[0]][c[1]][c[2]];
            if (state[c[0]][c[1]][c[2]] != State.SHOWN || v <= 0) {
                continue;
            }
            if (v + hiddenValue >= threshold + 2 && (best == null || v < value[best[0]][best[1]][best[2]])) {
                best = c;
            }
            if (largest == null || v > value[largest[0]][largest[1]][largest[2]]) {
                largest = c;
            }
        }
        int[] chosen = best != null ? best : largest;
        if (chosen == null) {
            return false;
        }
        state[chosen[0]][chosen[1]][chosen[2]] = State.HIDDEN_TO_PROTECT;
        return true;
    }

    private interface PairVisitor {
        void visit(int x, int y);
    }

    private void forEachOther(int d, PairVisitor visitor) {
        int[] others = d == 0 ? new int[] {1, 2} : d == 1 ? new int[] {0, 2} : new int[] {0, 1};
        for (int x = 0; x < dims[others[0]].size(); x++) {
            for (int y = 0; y < dims[others[1]].size(); y++) {
                visitor.visit(x, y);
            }
        }
    }

    private static int[] coordinates(int d, int node, int x, int y) {
        return switch (d) {
            case 0 -> new int[] {node, x, y};
            case 1 -> new int[] {x, node, y};
            default -> new int[] {x, y, node};
        };
    }

    private long get(int d, int node, int x, int y) {
        int[] c = coordinates(d, node, x, y);
        return value[c[0]][c[1]][c[2]];
    }

    private void set(int d, int node, int x, int y, long v) {
        int[] c = coordinates(d, node, x, y);
        value[c[0]][c[1]][c[2]] = v;
    }

    private static List<Integer> postOrder(Dimension dim) {
        List<Integer> order = new ArrayList<>();
        for (int node = 0; node < dim.size(); node++) {
            if (dim.parent(node) < 0) {
                visit(dim, node, order);
            }
        }
        return order;
    }

    private static void visit(Dimension dim, int node, List<Integer> order) {
        for (int child : dim.children(node)) {
            visit(dim, child, order);
        }
        order.add(node);
    }
}
