package dk.qnet.activity.course;

/** Where an admitted woman stands: on track or behind while the course runs; completed or not once it is closed. */
public enum Completion {
    ON_TRACK,
    BEHIND,
    COMPLETED,
    NOT_COMPLETED;

    /** For a woman who attended {@code attended} of the {@code held} sessions so far. */
    public static Completion of(Course c, int attended, int held) {
        boolean enough = c.completes(attended, held);
        if (c.status == Course.Status.CLOSED) {
            return enough ? COMPLETED : NOT_COMPLETED;
        }
        return enough || held == 0 ? ON_TRACK : BEHIND;
    }
}
