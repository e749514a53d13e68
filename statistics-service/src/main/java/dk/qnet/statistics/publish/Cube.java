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
 * no hidden cell or at least two, so no line can be solved for a hidden cell. Lines with two or
 * more hidden cells can still be narrowed together (two hidden cells whose line leaves 2 are both
 * 1), so {@link SuppressionAudit} then works out, with a linear program over every shown cell and
 * every total, the interval each small hidden cell could take, and more is hidden until each could
 * be 0 and could be at least the threshold. Every query is answered from this one cube, so two
 * overlapping queries can't be subtracted to undo it; every hidden cell is published the same way.
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

    private final boolean[] distinct = new boolean[3];

    /**
     * Marks a dimension, not additive, along which a node counts distinct people in its parts (a
     * quarter's women, each once, of its months'): at least the largest part and at most their sum.
     * The audit takes those bounds as what a reader knows; its values are filled node by node.
     */
    public Cube distinctAlong(int dimension) {
        if (additive[dimension]) {
            throw new IllegalArgumentException("an additive dimension is a sum, not a count of distinct people");
        }
        distinct[dimension] = true;
        return this;
    }

    private List<int[][]> relations;
    private List<int[][]> groups;

    /** The lines, then the relations: every group of cells a reader knows something about, made once. */
    public List<int[][]> groups() {
        if (groups == null) {
            List<int[][]> all = new ArrayList<>(lines());
            all.addAll(relations());
            groups = java.util.Collections.unmodifiableList(all);
        }
        return groups;
    }

    /** Every node and its parts along a dimension of distinct counts, the other two fixed: node first. */
    public List<int[][]> relations() {
        if (relations == null) {
            List<int[][]> made = new ArrayList<>();
            for (int d = 0; d < 3; d++) {
                if (distinct[d]) {
                    groups(d, made);
                }
            }
            relations = java.util.Collections.unmodifiableList(made);
        }
        return relations;
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
                for (int child : dims[d].sums(node).get(0)) {
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

    /** Applies primary and complementary suppression, then the audit, which hides more where it must. */
    public void suppress(int threshold) {
        suppressByLines(threshold);
        // The audit: what a reader could work out with a linear program over every shown cell and
        // every total. Where she could pin a small cell closer than [0, threshold], hide more.
        // Hiding more only widens what the other cells could be, so each round looks again only at the cells that failed.
        for (List<int[]> failing = SuppressionAudit.unprotected(this, threshold); !failing.isEmpty();
             failing = SuppressionAudit.unprotected(this, threshold, keys(failing))) {
            boolean hid = false;
            for (int[] cell : failing) {
                hid |= hideBeside(cell, threshold);
            }
            if (!hid) {
                throw new IllegalStateException("suppression could not protect a cell although every cell in reach is hidden");
            }
            protectLines(threshold);
        }
    }

    private static java.util.Set<List<Integer>> keys(List<int[]> cells) {
        java.util.Set<List<Integer>> keys = new java.util.HashSet<>();
        cells.forEach(c -> keys.add(List.of(c[0], c[1], c[2])));
        return keys;
    }

    /** Primary suppression, and complementary suppression until no line has exactly one hidden cell. */
    void suppressByLines(int threshold) {
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
        protectLines(threshold);
    }

    private void protectLines(int threshold) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[][] line : lines()) {
                changed |= protect(line, threshold);
            }
        }
    }

    /**
     * Hides one more cell in a total the failing cell is part of: the smallest shown count of at
     * least the threshold, else the largest shown count, else a shown zero. Where every cell of its
     * totals is hidden already, the search goes on through the hidden cells it shares them with.
     */
    private boolean hideBeside(int[] failing, int threshold) {
        List<int[][]> all = groups();
        java.util.Set<List<Integer>> seen = new java.util.HashSet<>();
        java.util.ArrayDeque<int[]> reach = new java.util.ArrayDeque<>();
        reach.add(failing);
        seen.add(List.of(failing[0], failing[1], failing[2]));
        while (!reach.isEmpty()) {
            int[] cell = reach.poll();
            int[] best = null;
            for (int[][] line : all) {
                if (!contains(line, cell)) {
                    continue;
                }
                for (int[] c : line) {
                    if (state[c[0]][c[1]][c[2]] == State.SHOWN) {
                        if (best == null || better(c, best, threshold)) {
                            best = c;
                        }
                    } else if (seen.add(List.of(c[0], c[1], c[2]))) {
                        reach.add(c);
                    }
                }
            }
            if (best != null) {
                state[best[0]][best[1]][best[2]] = State.HIDDEN_TO_PROTECT;
                return true;
            }
        }
        return false;
    }

    /** Whether {@code a} is a better cell to hide than {@code b}: large enough and small, else large. */
    private boolean better(int[] a, int[] b, int threshold) {
        long va = value[a[0]][a[1]][a[2]];
        long vb = value[b[0]][b[1]][b[2]];
        boolean aEnough = va >= threshold;
        boolean bEnough = vb >= threshold;
        if (aEnough != bEnough) {
            return aEnough;
        }
        return aEnough ? va < vb : va > vb;
    }

    private static boolean contains(int[][] line, int[] cell) {
        for (int[] c : line) {
            if (c[0] == cell[0] && c[1] == cell[1] && c[2] == cell[2]) {
                return true;
            }
        }
        return false;
    }

    /** The lines, made once: they depend on the dimensions only, and suppression walks them many times. */
    private List<int[][]> lines;

    /** Every line: a node and one set of its parts (its children) along one additive dimension, the other two fixed. */
    public List<int[][]> lines() {
        if (lines == null) {
            lines = java.util.Collections.unmodifiableList(makeLines());
        }
        return lines;
    }

    private List<int[][]> makeLines() {
        List<int[][]> lines = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            if (additive[d]) {
                groups(d, lines);
            }
        }
        return lines;
    }

    /** Adds, for each node with parts along dimension d and each pair of the other two, the node and its parts. */
    private void groups(int d, List<int[][]> lines) {
        Dimension dim = dims[d];
        for (int node = 0; node < dim.size(); node++) {
            for (List<Integer> parts : dim.sums(node)) {
                List<Integer> members = new ArrayList<>();
                members.add(node);
                members.addAll(parts);
                forEachOther(d, (x, y) -> {
                    int[][] line = new int[members.size()][];
                    for (int m = 0; m < members.size(); m++) {
                        line[m] = coordinates(d, members.get(m), x, y);
                    }
                    lines.add(line);
                });
            }
        }
    }

    /**
     * A line with exactly one hidden cell gives it away by subtraction: hide one more. The one
     * chosen is the smallest shown count large enough that the two hidden cells together can't
     * be pinned down from the known range of the first (1 to threshold − 1) either. A line whose
     * node is shown and whose hidden children add up to less than the threshold tells that each of
     * them is small (two hidden cells in a line that leaves 2 are both 1): hide one more there too.
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
        // The line's own answer: where its node is shown, its hidden children add up to a known
        // sum, so each of them is at most that sum; it must leave room for the threshold.
        boolean nodeShown = state[line[0][0]][line[0][1]][line[0][2]] == State.SHOWN;
        if (hidden == 0 || hidden >= 2 && (!nodeShown || hiddenValue >= threshold)) {
            return false;
        }
        long need = hidden == 1 ? threshold + 2L : threshold;
        int[] best = null;
        int[] largest = null;
        int[] zero = null;
        for (int[] c : line) {
            long v = value[c[0]][c[1]][c[2]];
            if (state[c[0]][c[1]][c[2]] != State.SHOWN) {
                continue;
            }
            if (v <= 0) {
                zero = zero == null ? c : zero;
                continue;
            }
            if (v + hiddenValue >= need && (best == null || v < value[best[0]][best[1]][best[2]])) {
                best = c;
            }
            if (largest == null || v > value[largest[0]][largest[1]][largest[2]]) {
                largest = c;
            }
        }
        // A zero only where nothing else is left: the audit may have hidden a cell whose other totals hold only zeros.
        int[] chosen = best != null ? best : largest != null ? largest : zero;
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

    /** Every node after the parts it is first the sum of, each once (in a lattice a part has two parents). */
    private static List<Integer> postOrder(Dimension dim) {
        List<Integer> order = new ArrayList<>();
        boolean[] visited = new boolean[dim.size()];
        for (int node = 0; node < dim.size(); node++) {
            visit(dim, node, order, visited);
        }
        return order;
    }

    private static void visit(Dimension dim, int node, List<Integer> order, boolean[] visited) {
        if (visited[node]) {
            return;
        }
        visited[node] = true;
        if (!dim.isLeaf(node)) {
            for (int part : dim.sums(node).get(0)) {
                visit(dim, part, order, visited);
            }
        }
        order.add(node);
    }
}
