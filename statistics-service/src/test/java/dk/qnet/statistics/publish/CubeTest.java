package dk.qnet.statistics.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Suppression that holds: no published cell from 1 to below the threshold, and no chain of
 * subtractions along the cube's totals that works out a hidden cell.
 */
class CubeTest {

    /** A small year (two quarters of two months), a country of regions and networks, and sources. */
    static Cube randomCube(long seed, int regions, int networksPerRegion, int sources, boolean stock) {
        Dimension source = new Dimension();
        int all = source.add("ALL", -1);
        for (int s = 0; s < sources; s++) {
            source.add("S" + s, all);
        }
        return randomCube(seed, regions, networksPerRegion, source, stock);
    }

    static Cube randomCube(long seed, int regions, int networksPerRegion, Dimension source, boolean stock) {
        Random r = new Random(seed);
        Dimension time = new Dimension();
        if (stock) {
            for (int m = 1; m <= 4; m++) {
                time.add("M0" + m, -1);
            }
        } else {
            int year = time.add("YEAR", -1);
            for (int q = 1; q <= 2; q++) {
                int quarter = time.add("Q" + q, year);
                time.add("M0" + (2 * q - 1), quarter);
                time.add("M0" + (2 * q), quarter);
            }
        }
        Dimension geo = new Dimension();
        int country = geo.add("DK", -1);
        for (int g = 0; g < regions; g++) {
            int region = geo.add("R" + g, country);
            for (int n = 0; n < networksPerRegion; n++) {
                geo.add("N" + g + "." + n, region);
            }
        }
        Cube cube = new Cube(time, geo, source, new boolean[] {!stock, true, true});
        for (int t = 0; t < time.size(); t++) {
            for (int g = 0; g < geo.size(); g++) {
                for (int s = 0; s < source.size(); s++) {
                    if (time.isLeaf(t) && geo.isLeaf(g) && source.isLeaf(s)) {
                        // Mostly small counts, where suppression has work to do; some zeros, some large.
                        int kind = r.nextInt(10);
                        cube.addLeaf(t, g, s, kind < 3 ? 0 : kind < 8 ? 1 + r.nextInt(6) : 5 + r.nextInt(40));
                    }
                }
            }
        }
        cube.rollUp();
        return cube;
    }

    /**
     * The attacker knows every shown cell and every total relation. Whenever a line has exactly one
     * unknown cell she solves it, and goes on with what she learnt. She must learn no hidden cell.
     */
    static Set<List<Integer>> attack(Cube cube) {
        Set<List<Integer>> known = new HashSet<>();
        Dimension[] d = {cube.dimension(0), cube.dimension(1), cube.dimension(2)};
        for (int t = 0; t < d[0].size(); t++) {
            for (int g = 0; g < d[1].size(); g++) {
                for (int s = 0; s < d[2].size(); s++) {
                    if (cube.state(t, g, s) == Cube.State.SHOWN) {
                        known.add(List.of(t, g, s));
                    }
                }
            }
        }
        Set<List<Integer>> derived = new HashSet<>();
        boolean learnt = true;
        while (learnt) {
            learnt = false;
            for (int[][] line : cube.lines()) {
                List<Integer> unknown = null;
                int unknowns = 0;
                for (int[] c : line) {
                    if (!known.contains(List.of(c[0], c[1], c[2]))) {
                        unknowns++;
                        unknown = List.of(c[0], c[1], c[2]);
                    }
                }
                if (unknowns == 1) {
                    known.add(unknown);
                    derived.add(unknown);
                    learnt = true;
                }
            }
        }
        return derived;
    }

    @Property(tries = 300)
    void noPublishedCellIsASmallCountAndNoHiddenCellCanBeWorkedOutOrNarrowed(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int regions,
                                                                 @ForAll @IntRange(min = 1, max = 3) int networks,
                                                                 @ForAll @IntRange(min = 1, max = 3) int sources,
                                                                 @ForAll boolean stock, @ForAll @IntRange(min = 2, max = 10) int threshold) {
        Cube cube = randomCube(seed, regions, networks, sources, stock);
        cube.suppress(threshold);
        assertProtected(cube, threshold);
    }

    /**
     * The rejections: each reason a cell of one table with the total, by source (a lattice). Counted
     * as cubes of their own, a reader subtracted the shown reasons from the shown total: with 10
     * out of area, 1 not in the target group and 1 declined by the woman, the total of 12 and the
     * 10 left 2 for the two hidden reasons, both 1.
     */
    @Property(tries = 200)
    void rejectionReasonsInOneTableWithTheirTotalCanNeitherBeWorkedOutNorNarrowed(@ForAll long seed,
                                                                                 @ForAll @IntRange(min = 1, max = 2) int networks,
                                                                                 @ForAll @IntRange(min = 1, max = 3) int sources,
                                                                                 @ForAll @IntRange(min = 1, max = 3) int reasons,
                                                                                 @ForAll @IntRange(min = 2, max = 10) int threshold) {
        List<String> sourceKeys = java.util.stream.IntStream.range(0, sources).mapToObj(i -> "S" + i).toList();
        List<String> reasonKeys = java.util.stream.IntStream.range(0, reasons).mapToObj(i -> "R" + i).toList();
        Cube cube = randomCube(seed, 1, networks, Figures.rejectionDimension(sourceKeys, reasonKeys), false);
        cube.suppress(threshold);
        assertProtected(cube, threshold);
    }

    @Test
    void aReasonCannotBeWorkedOutFromTheTotalAndTheOtherReasons() {
        Dimension time = new Dimension();
        time.add("M01", -1);
        Dimension geo = new Dimension();
        geo.add("DK", -1);
        Dimension third = Figures.rejectionDimension(List.of("SHELTER"), List.of("DECLINED_BY_WOMAN", "NOT_IN_TARGET_GROUP", "OUT_OF_AREA"));
        Cube cube = new Cube(time, geo, third, new boolean[] {false, false, true});
        cube.addLeaf(0, 0, third.find(Figures.sourceReasonKey("SHELTER", "OUT_OF_AREA")).orElseThrow(), 10);
        cube.addLeaf(0, 0, third.find(Figures.sourceReasonKey("SHELTER", "NOT_IN_TARGET_GROUP")).orElseThrow(), 1);
        cube.addLeaf(0, 0, third.find(Figures.sourceReasonKey("SHELTER", "DECLINED_BY_WOMAN")).orElseThrow(), 1);
        cube.rollUp();
        int all = third.find("ALL").orElseThrow();
        assertEquals(12, cube.value(0, 0, all));
        assertEquals(10, cube.value(0, 0, third.find(Figures.reasonKey("OUT_OF_AREA")).orElseThrow()));
        cube.suppress(5);
        assertEquals(Cube.State.SHOWN, cube.state(0, 0, all), "the total is shown");
        assertEquals(Cube.State.HIDDEN_TO_PROTECT, cube.state(0, 0, third.find(Figures.reasonKey("OUT_OF_AREA")).orElseThrow()),
                "the 10 is hidden, or 12 - 10 would leave 2 for two reasons of 1");
        assertProtected(cube, 5);
    }

    static void assertProtected(Cube cube, int threshold) {
        for (int t = 0; t < cube.dimension(0).size(); t++) {
            for (int g = 0; g < cube.dimension(1).size(); g++) {
                for (int s = 0; s < cube.dimension(2).size(); s++) {
                    long v = cube.value(t, g, s);
                    if (cube.state(t, g, s) == Cube.State.SHOWN) {
                        assertFalse(v > 0 && v < threshold, "a small count was published: " + v);
                    }
                    if (v > 0 && v < threshold) {
                        assertEquals(Cube.State.BELOW_THRESHOLD, cube.state(t, g, s));
                    }
                }
            }
        }
        assertEquals(Set.of(), attack(cube), "hidden cells worked out by subtraction");
        // The attacker of the audit: a linear program over every shown cell and every total. No small
        // hidden cell may be pinned closer than "could be 0, could be at least the threshold". Before
        // the audit this failed (two small cells whose line leaves 2).
        SuppressionAudit.primaryIntervals(cube).forEach((cell, interval) -> assertTrue(interval.protects(threshold),
                "cell " + cell + " holding " + cube.value(cell.get(0), cell.get(1), cell.get(2)) + " narrowed to " + interval));
    }

    /**
     * A national year of small counts: twelve months, five regions of seven networks, four
     * sources, four cells in ten empty and the rest 1-6. Its hidden cells join into one component
     * of about 1,500. The audit skipped components of more than 60 hidden cells (its dense simplex
     * took 30 s a solve there), and a linear program over this one pinned small cells to [1, 1]
     * and [3, 5]. Every component is audited now.
     */
    @Test
    void aNationalYearOfSmallCountsLeavesNoSmallCellNarrowed() {
        Random r = new Random(7);
        Dimension time = new Dimension();
        int year = time.add("YEAR", -1);
        for (int q = 1; q <= 4; q++) {
            int quarter = time.add("Q" + q, year);
            for (int m = q * 3 - 2; m <= q * 3; m++) {
                time.add("M" + m, quarter);
            }
        }
        Dimension geo = new Dimension();
        int dk = geo.add("DK", -1);
        for (int g = 0; g < 5; g++) {
            int region = geo.add("R" + g, dk);
            for (int n = 0; n < 7; n++) {
                geo.add("N" + g + "." + n, region);
            }
        }
        Dimension source = new Dimension();
        int all = source.add("ALL", -1);
        for (int s = 0; s < 4; s++) {
            source.add("S" + s, all);
        }
        Cube cube = new Cube(time, geo, source, new boolean[] {true, true, true});
        for (int t = 0; t < time.size(); t++) {
            for (int g = 0; g < geo.size(); g++) {
                for (int k = 1; k < source.size(); k++) {
                    if (time.isLeaf(t) && geo.isLeaf(g)) {
                        cube.addLeaf(t, g, k, r.nextInt(10) < 4 ? 0 : 1 + r.nextInt(6));
                    }
                }
            }
        }
        cube.rollUp();
        cube.suppress(5);
        assertProtected(cube, 5);
    }

    /** One line: a country of three networks. */
    static Cube line(long... networks) {
        Dimension time = new Dimension();
        time.add("M01", -1);
        Dimension geo = new Dimension();
        int dk = geo.add("DK", -1);
        for (int n = 0; n < networks.length; n++) {
            geo.add("N" + n, dk);
        }
        Dimension source = new Dimension();
        source.add("ALL", -1);
        Cube cube = new Cube(time, geo, source, new boolean[] {false, true, false});
        for (int n = 0; n < networks.length; n++) {
            cube.addLeaf(0, n + 1, 0, networks[n]);
        }
        cube.rollUp();
        return cube;
    }

    @Test
    void twoSmallCellsWhoseLineLeavesTwoAreNotBothPinnedToOne() {
        // 1 + 1 + 20 = 22: with only the two small cells hidden, the line leaves 2, so each is 0 to 2.
        Cube cube = line(1, 1, 20);
        cube.suppress(5);
        assertEquals(Cube.State.HIDDEN_TO_PROTECT, cube.state(0, 3, 0), "the 20 is hidden as well");
        SuppressionAudit.Interval first = SuppressionAudit.intervals(cube).get(List.of(0, 1, 0));
        assertEquals(0, first.low(), 1e-6);
        assertTrue(first.high() >= 5, "the small cell could be at least the threshold: " + first);
    }

    @Test
    void theLinearProgramFindsWhatASubtractionCannot() {
        // The attacker itself: with a threshold of 2 only the two 1s are hidden (their line leaves
        // 2, enough for that threshold). No single line solves either, but each is at most 2,
        // which a threshold of 5 would not allow.
        Cube cube = line(1, 1, 20);
        cube.suppressByLines(2);
        assertEquals(Set.of(), attack(cube), "subtraction alone learns nothing here");
        SuppressionAudit.Interval first = SuppressionAudit.intervals(cube).get(List.of(0, 1, 0));
        assertEquals(0, first.low(), 1e-6);
        assertEquals(2, first.high(), 1e-6);
        assertEquals(2, SuppressionAudit.unprotected(cube, 5).size(), "at a threshold of 5 both small cells fail the rule");
    }

    @Property(tries = 200)
    void totalsAreTheSumsOfTheirParts(@ForAll long seed) {
        Cube cube = randomCube(seed, 2, 3, 2, false);
        Dimension geo = cube.dimension(1);
        for (int g = 0; g < geo.size(); g++) {
            if (!geo.isLeaf(g)) {
                long sum = 0;
                for (int child : geo.children(g)) {
                    sum += cube.value(0, child, 0);
                }
                assertEquals(sum, cube.value(0, g, 0));
            }
        }
    }

    @Test
    void aRegionTotalMinusOneNetworkCannotRevealTheOther() {
        Dimension time = new Dimension();
        time.add("M01", -1);
        Dimension geo = new Dimension();
        int dk = geo.add("DK", -1);
        int region = geo.add("R", dk);
        int big = geo.add("big", region);
        int small = geo.add("small", region);
        Dimension source = new Dimension();
        source.add("ALL", -1);
        Cube cube = new Cube(time, geo, source, new boolean[] {false, true, false});
        cube.addLeaf(0, big, 0, 15);
        cube.addLeaf(0, small, 0, 2);
        cube.rollUp();
        cube.suppress(5);
        assertEquals(17, cube.value(0, region, 0));
        assertEquals(Cube.State.SHOWN, cube.state(0, region, 0));
        assertEquals(Cube.State.BELOW_THRESHOLD, cube.state(0, small, 0));
        assertEquals(Cube.State.HIDDEN_TO_PROTECT, cube.state(0, big, 0), "17 - 15 would give away the 2");
    }

    @Test
    void theSecondHiddenCellIsLargeEnoughThatTheRangeOfTheFirstGivesNothingAway() {
        // Line: total 17 = 1 + 5 + 11. Hiding the 5 would leave 1 + x = 6 with x >= 5: x = 5 and the 1 known.
        Dimension time = new Dimension();
        time.add("M01", -1);
        Dimension geo = new Dimension();
        int dk = geo.add("DK", -1);
        int a = geo.add("a", dk);
        int b = geo.add("b", dk);
        int c = geo.add("c", dk);
        Dimension source = new Dimension();
        source.add("ALL", -1);
        Cube cube = new Cube(time, geo, source, new boolean[] {false, true, false});
        cube.addLeaf(0, a, 0, 1);
        cube.addLeaf(0, b, 0, 5);
        cube.addLeaf(0, c, 0, 11);
        cube.rollUp();
        cube.suppress(5);
        assertEquals(Cube.State.SHOWN, cube.state(0, b, 0));
        assertEquals(Cube.State.HIDDEN_TO_PROTECT, cube.state(0, c, 0));
        assertNotEquals(Cube.State.SHOWN, cube.state(0, a, 0));
    }

    @Test
    void zeroesAreShownAndAThresholdBelowOneIsRefused() {
        Cube cube = randomCube(1, 1, 1, 1, false);
        assertThrows(IllegalArgumentException.class, () -> cube.suppress(0));
        Cube empty = new Cube(cube.dimension(0), cube.dimension(1), cube.dimension(2), new boolean[] {true, true, true});
        empty.rollUp();
        empty.suppress(5);
        assertTrue(empty.state(0, 0, 0) == Cube.State.SHOWN && empty.value(0, 0, 0) == 0);
    }
}
