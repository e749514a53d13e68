import dk.qnet.statistics.publish.Cube;
import dk.qnet.statistics.publish.Dimension;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The time Cube.suppress takes (lines, then the linear-program audit) on a cube shaped like a
 * year's national figures: year, quarters, months; Denmark, 5 regions, 33 networks; all sources
 * and 4. Run with bench/statistics/suppression-timing.sh.
 */
public class SuppressionTiming {

    public static void main(String[] args) {
        for (int perYear : new int[] {800, 8_000, 80_000}) {
            for (int round = 1; round <= 3; round++) {
                Cube cube = cube(perYear, round);
                long start = System.nanoTime();
                cube.suppress(5);
                long took = System.nanoTime() - start;
                System.out.printf("events=%d round=%d suppress=%.1f ms hidden=%d of %d cells%n", perYear, round, took / 1e6,
                        hidden(cube), cells(cube));
            }
        }
    }

    static Cube cube(int events, long seed) {
        Dimension time = new Dimension();
        int year = time.add("YEAR", -1);
        List<Integer> months = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            int quarter = time.add("Q" + q, year);
            for (int m = 0; m < 3; m++) {
                months.add(time.add("M" + q + m, quarter));
            }
        }
        Dimension geo = new Dimension();
        int dk = geo.add("DK", -1);
        List<Integer> networks = new ArrayList<>();
        int[] regions = new int[5];
        for (int r = 0; r < 5; r++) {
            regions[r] = geo.add("R" + r, dk);
        }
        for (int n = 0; n < 33; n++) {
            networks.add(geo.add("N" + n, regions[n % 5]));
        }
        Dimension source = new Dimension();
        int all = source.add("ALL", -1);
        for (int s = 0; s < 4; s++) {
            source.add("S" + s, all);
        }
        Cube cube = new Cube(time, geo, source, new boolean[] {true, true, true});
        Random random = new Random(seed);
        for (int i = 0; i < events; i++) {
            // Most from shelters (source 1), the rest spread over the others.
            int s = random.nextDouble() < 0.7 ? 1 : 2 + random.nextInt(3);
            cube.addLeaf(months.get(random.nextInt(12)), networks.get(random.nextInt(33)), s, 1);
        }
        cube.rollUp();
        return cube;
    }

    static int cells(Cube c) {
        return c.dimension(0).size() * c.dimension(1).size() * c.dimension(2).size();
    }

    static int hidden(Cube c) {
        int n = 0;
        for (int i = 0; i < c.dimension(0).size(); i++) {
            for (int j = 0; j < c.dimension(1).size(); j++) {
                for (int k = 0; k < c.dimension(2).size(); k++) {
                    n += c.state(i, j, k) == Cube.State.SHOWN ? 0 : 1;
                }
            }
        }
        return n;
    }
}
