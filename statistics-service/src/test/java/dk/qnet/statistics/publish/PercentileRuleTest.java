package dk.qnet.statistics.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A percentile is published only with at least the threshold of cases on each side of it. */
class PercentileRuleTest {

    static TreeMap<Integer, Long> daysOf(int cases) {
        TreeMap<Integer, Long> histogram = new TreeMap<>();
        for (int i = 1; i <= cases; i++) {
            histogram.merge(10 + i, 1L, Long::sum);
        }
        return histogram;
    }

    @Test
    void nineCasesShowNeitherTheirNinetiethPercentileNorTheirMedian() {
        // With 9 cases the p90 is the 9th woman's own days-to-match.
        assertNull(Figures.safePercentile(daysOf(9), 9, 90, 5));
        assertNull(Figures.safePercentile(daysOf(9), 9, 50, 5));
        assertNull(Figures.safePercentile(daysOf(10), 10, 50, 5));
    }

    @Test
    void enoughCasesOnEachSidePublishTheNearestRank() {
        assertEquals(16, Figures.safePercentile(daysOf(11), 11, 50, 5));
        assertNull(Figures.safePercentile(daysOf(49), 49, 90, 5), "rank 45 of 49: only 4 above");
        assertEquals(55, Figures.safePercentile(daysOf(50), 50, 90, 5), "rank 45 of 50: 44 below, 5 above");
        assertNull(Figures.safePercentile(new TreeMap<>(), 0, 50, 5));
    }
}
