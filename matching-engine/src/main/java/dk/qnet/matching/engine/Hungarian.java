package dk.qnet.matching.engine;

import java.util.Arrays;

/**
 * The Hungarian method (Kuhn-Munkres with potentials, the shortest-augmenting-path form), for a
 * rectangular matrix with no more rows than columns: every row gets a distinct column, at the
 * least total cost. O(rows² · columns). Deterministic: ties go to the lower index.
 */
public final class Hungarian {

    private Hungarian() {
    }

    /** For each row, the column assigned to it. Requires {@code rows <= columns}. */
    public static int[] minimiseCost(int[][] cost) {
        int n = cost.length;
        if (n == 0) {
            return new int[0];
        }
        int m = cost[0].length;
        if (n > m) {
            throw new IllegalArgumentException("more rows (" + n + ") than columns (" + m + ")");
        }
        long[] u = new long[n + 1];
        long[] v = new long[m + 1];
        int[] p = new int[m + 1];
        int[] way = new int[m + 1];
        long[] minv = new long[m + 1];
        boolean[] used = new boolean[m + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            Arrays.fill(minv, Long.MAX_VALUE);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = p[j0];
                int[] row = cost[i0 - 1];
                long ui0 = u[i0];
                long delta = Long.MAX_VALUE;
                int j1 = 0;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        long cur = row[j - 1] - ui0 - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] assignment = new int[n];
        for (int j = 1; j <= m; j++) {
            if (p[j] != 0) {
                assignment[p[j] - 1] = j - 1;
            }
        }
        return assignment;
    }
}
