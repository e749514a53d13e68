package dk.qnet.statistics.service;

/**
 * Small-number suppression: a count below the threshold is never published as a number, because
 * it could point to a person. Zero points to nobody and is shown.
 */
public final class Suppression {

    private final int threshold;

    public Suppression(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        this.threshold = threshold;
    }

    public boolean suppresses(long count) {
        return count > 0 && count < threshold;
    }

    /** What a reader sees for a count: the number, or "<threshold". */
    public String display(long count) {
        return suppresses(count) ? "<" + threshold : Long.toString(count);
    }

    public int threshold() {
        return threshold;
    }
}
