package dk.qnet.matching.engine;

import java.util.Arrays;

/**
 * The assignment of greatest total weight on a sparse bipartite graph: rows (women) to columns
 * (volunteers, each with a capacity), where a row may also stay unassigned. Only the pairs that
 * exist are looked at, so a national batch costs what its compatible pairs cost, not rows ×
 * columns.
 *
 * <p>It is the Hungarian method in its successive-shortest-path form: rows are added one at a
 * time, and each looks for the shortest augmenting path (Dijkstra on reduced costs, with a
 * potential per column) that ends at a column with room, or at "wait" for the row itself. Costs
 * are negated weights; waiting costs 0. After each row the assignment is optimal for the rows
 * seen so far, so the result is optimal: the same total as the dense solver ({@link Hungarian}).
 * Deterministic: equal input, equal output; ties go to the lower column and then to waiting.
 */
public final class SparseAssignment {

    private SparseAssignment() {
    }

    /**
     * The assignment with its proof: a dual price per row and per column, both never negative,
     * such that {@code rowPrice[i] + columnPrice[j] >= weight(i, j)} for every pair given, with
     * equality on the pairs assigned, a price of 0 on every row that waits and on every column
     * with room left (a column of capacity 0, which no row can take, at the heaviest weight given).
     * Any pair that was not given and obeys the same inequality could not have
     * raised the total: that is how a caller who gave only each row's best pairs checks that the
     * answer is the optimum of all of them.
     */
    public record Solution(int[] columnOf, long[] rowPrice, long[] columnPrice) {

        /** True when adding pair (i, j) with this weight could not raise the total. */
        public boolean cannotImprove(int row, int column, int weight) {
            return rowPrice[row] + columnPrice[column] >= weight;
        }
    }

    /**
     * The optimal assignment, with its prices.
     *
     * @param columns for each row, the columns it may take, each once
     * @param weights for each row, the weight of each of those columns, all positive
     * @param capacity for each column, how many rows it can take
     */
    public static Solution solve(int[][] columns, int[][] weights, int[] capacity) {
        return new Search(columns, weights, capacity).run();
    }

    private static final class Search {
        final int[][] columns;
        final int[][] weights;
        final int[] capacity;
        /** Column potentials: for a row k on column j, -weight(k, j) - v[j] is the row's own. */
        final long[] v;
        final int[] columnOf;
        final int[] weightOf;
        /** The rows on each column, the first load[j] of rowsOn[j]. */
        final int[][] rowsOn;
        final int[] load;
        final long[] dist;
        final int[] pred;
        final boolean[] done;
        final int[] touched;
        int touchedCount;
        final Heap heap;

        Search(int[][] columns, int[][] weights, int[] capacity) {
            this.columns = columns;
            this.weights = weights;
            this.capacity = capacity;
            int n = columns.length;
            int m = capacity.length;
            v = new long[m];
            columnOf = new int[n];
            Arrays.fill(columnOf, -1);
            weightOf = new int[n];
            rowsOn = new int[m][];
            for (int j = 0; j < m; j++) {
                rowsOn[j] = new int[Math.max(0, capacity[j])];
            }
            load = new int[m];
            dist = new long[m];
            Arrays.fill(dist, Long.MAX_VALUE);
            pred = new int[m];
            done = new boolean[m];
            touched = new int[m];
            heap = new Heap(m);
        }

        Solution run() {
            for (int i = 0; i < columns.length; i++) {
                if (columns[i].length != weights[i].length) {
                    throw new IllegalArgumentException("row " + i + ": columns and weights differ in length");
                }
                add(i);
            }
            long[] rowPrice = new long[columnOf.length];
            for (int i = 0; i < columnOf.length; i++) {
                rowPrice[i] = columnOf[i] < 0 ? 0 : weightOf[i] + v[columnOf[i]];
            }
            // A column without room can never be taken: its price is any weight, which costs nothing.
            long heaviest = 0;
            for (int[] ws : weights) {
                for (int w : ws) {
                    heaviest = Math.max(heaviest, w);
                }
            }
            long[] columnPrice = new long[v.length];
            for (int j = 0; j < v.length; j++) {
                columnPrice[j] = capacity[j] > 0 ? -v[j] : heaviest;
            }
            return new Solution(columnOf, rowPrice, columnPrice);
        }

        /** Adds row i to an assignment that is optimal for the rows before it, keeping it optimal. */
        private void add(int i) {
            int[] cols = columns[i];
            int[] ws = weights[i];
            // The row's potential makes every reduced cost from it non-negative; waiting costs 0.
            long ui = 0;
            for (int e = 0; e < cols.length; e++) {
                ui = Math.min(ui, -(long) ws[e] - v[cols[e]]);
            }
            // The search ends at a column with room, or where a row gives up its column and waits
            // (for the new row itself, that means it waits).
            long best = -ui;
            int end = -1;
            int waits = i;
            for (int e = 0; e < cols.length; e++) {
                int j = cols[e];
                if (capacity[j] > 0) {
                    relax(j, -(long) ws[e] - v[j] - ui, i);
                }
            }
            while (!heap.isEmpty()) {
                long d = heap.topKey();
                int j = heap.pop();
                if (done[j] || d > dist[j]) {
                    continue;
                }
                if (d >= best) {
                    break;
                }
                done[j] = true;
                if (load[j] < capacity[j]) {
                    best = d;
                    end = j;
                    waits = -1;
                    break;
                }
                for (int s = 0; s < load[j]; s++) {
                    int k = rowsOn[j][s];
                    long uk = -(long) weightOf[k] - v[j];
                    if (d - uk < best) {
                        best = d - uk;
                        end = j;
                        waits = k;
                    }
                    int[] kc = columns[k];
                    int[] kw = weights[k];
                    for (int e = 0; e < kc.length; e++) {
                        int j2 = kc[e];
                        if (!done[j2] && capacity[j2] > 0) {
                            relax(j2, d + (-(long) kw[e] - v[j2] - uk), k);
                        }
                    }
                }
            }
            // The prices move even when the new row waits, so that its pairs stay covered.
            for (int t = 0; t < touchedCount; t++) {
                int j = touched[t];
                if (done[j]) {
                    v[j] -= best - dist[j];
                }
            }
            if (waits != i) {
                int j = end;
                if (waits >= 0) {
                    // That row leaves column `end` and waits; the path then fills the column.
                    leave(waits, j);
                }
                while (true) {
                    int r = pred[j];
                    int old = columnOf[r];
                    if (old >= 0) {
                        leave(r, old);
                    }
                    take(r, j);
                    if (r == i) {
                        break;
                    }
                    j = old;
                }
            }
            for (int t = 0; t < touchedCount; t++) {
                int j = touched[t];
                dist[j] = Long.MAX_VALUE;
                done[j] = false;
            }
            touchedCount = 0;
            heap.clear();
        }

        private void relax(int j, long d, int row) {
            if (d < dist[j]) {
                if (dist[j] == Long.MAX_VALUE) {
                    touched[touchedCount++] = j;
                }
                dist[j] = d;
                pred[j] = row;
                heap.push(d, j);
            }
        }

        private void leave(int row, int column) {
            int[] on = rowsOn[column];
            for (int s = 0; s < load[column]; s++) {
                if (on[s] == row) {
                    on[s] = on[--load[column]];
                    break;
                }
            }
            columnOf[row] = -1;
        }

        private void take(int row, int column) {
            rowsOn[column][load[column]++] = row;
            columnOf[row] = column;
            weightOf[row] = weightTo(row, column);
        }

        private int weightTo(int row, int column) {
            int[] cols = columns[row];
            for (int e = 0; e < cols.length; e++) {
                if (cols[e] == column) {
                    return weights[row][e];
                }
            }
            throw new IllegalStateException("row " + row + " has no edge to column " + column);
        }
    }

    /** A binary heap of (distance, column), smallest distance first, then the lower column. */
    private static final class Heap {
        long[] keys;
        int[] values;
        int size;

        Heap(int capacity) {
            keys = new long[Math.max(16, capacity)];
            values = new int[keys.length];
        }

        boolean isEmpty() {
            return size == 0;
        }

        void clear() {
            size = 0;
        }

        long topKey() {
            return keys[0];
        }

        void push(long key, int value) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            int at = size++;
            while (at > 0) {
                int parent = (at - 1) >>> 1;
                if (!less(key, value, keys[parent], values[parent])) {
                    break;
                }
                keys[at] = keys[parent];
                values[at] = values[parent];
                at = parent;
            }
            keys[at] = key;
            values[at] = value;
        }

        int pop() {
            int top = values[0];
            long key = keys[--size];
            int value = values[size];
            int at = 0;
            while (true) {
                int child = 2 * at + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && less(keys[child + 1], values[child + 1], keys[child], values[child])) {
                    child++;
                }
                if (!less(keys[child], values[child], key, value)) {
                    break;
                }
                keys[at] = keys[child];
                values[at] = values[child];
                at = child;
            }
            keys[at] = key;
            values[at] = value;
            return top;
        }

        private static boolean less(long k1, int v1, long k2, int v2) {
            return k1 < k2 || k1 == k2 && v1 < v2;
        }
    }
}
