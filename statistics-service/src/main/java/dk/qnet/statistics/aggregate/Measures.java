package dk.qnet.statistics.aggregate;

/** The names of the figures kept. A name ending in ".delta" is the change of a stock. */
public final class Measures {

    public static final String RECEIVED = "referrals.received";
    public static final String ACCEPTED = "referrals.accepted";
    public static final String REJECTED = "referrals.rejected";
    /** Followed by the coded reason, such as {@code referrals.rejected.OUT_OF_AREA}. */
    public static final String REJECTED_BECAUSE = "referrals.rejected.";
    public static final String WITHDRAWN = "referrals.withdrawn";
    public static final String WAITING = "waiting.delta";
    public static final String WOMEN_REACHED = "women.reached";
    public static final String CHILDREN_REACHED = "children.reached";
    public static final String MATCHES_ACCEPTED = "matches.accepted";
    public static final String MATCHES_ACTIVE = "matches.active.delta";
    public static final String MATCHES_ENDED = "matches.ended";
    public static final String MATCHES_ENDED_EARLY = "matches.ended_early";
    public static final String MEETINGS = "meetings";
    public static final String VOLUNTEERS_APPROVED = "volunteers.approved";
    public static final String VOLUNTEERS_ACTIVE = "volunteers.active.delta";
    public static final String NETWORKS_ACTIVE = "networks.active.delta";
    public static final String ACTIVITIES_HELD = "activities.held";
    public static final String ACTIVITY_WOMEN = "activities.women";
    public static final String ACTIVITY_CHILDREN = "activities.children";
    public static final String ACTIVITY_VOLUNTEERS = "activities.volunteers";
    /** Group courses, counted when a course is closed; their third dimension is the course's theme, not a referral source. */
    public static final String COURSES_HELD = "courses.held";
    public static final String COURSE_SESSIONS = "courses.sessions";
    public static final String COURSE_WOMEN = "courses.women";
    public static final String COURSE_CHILDREN = "courses.children";
    public static final String COURSE_COMPLETED = "courses.completed";
    public static final String COURSE_DROPPED_OUT = "courses.dropped_out";
    public static final String OUTCOMES_COMPARED = "outcomes.compared";
    public static final String SAFETY_IMPROVED = "outcomes.safety_improved";
    public static final String WELLBEING_IMPROVED = "outcomes.wellbeing_improved";

    /** The municipality's §109 aftercare windows of consented women: opened (at the move-out), with a handover held before it. */
    public static final String AFTERCARE_OPENED = "aftercare.opened";
    public static final String AFTERCARE_HANDOVER_BEFORE = "aftercare.handover_before";
    public static final String AFTERCARE_EXTENDED = "aftercare.extended";
    /** Windows closed (at their last day), those closed with goals still open, and the goals met in them. */
    public static final String AFTERCARE_CLOSED = "aftercare.closed";
    public static final String AFTERCARE_CLOSED_OPEN = "aftercare.closed_open";
    public static final String AFTERCARE_GOALS_MET = "aftercare.goals_met";

    /**
     * People supported in a period, each once however many matches and months: counted from the
     * match periods when the figures are computed, not kept per month. The third dimension of
     * {@link #PEOPLE_SUPPORTED} is the kind of person (women, children), its total both.
     */
    public static final String PEOPLE_SUPPORTED = "people.supported";
    public static final String VOLUNTEERS_ENGAGED = "volunteers.engaged";
    /** Networks active on any day of the period: organisations, not suppressed. */
    public static final String NETWORKS_ENGAGED = "networks.engaged";

    /** Distributions. */
    public static final String DAYS_TO_MATCH = "days_to_match";
    public static final String MATCH_DAYS = "match_days";
    /** Followed by timepoint and dimension, such as {@code outcome.START.safety}. */
    public static final String OUTCOME = "outcome.";

    /** The source of figures that are not about a referral (volunteers, networks, activities). */
    public static final String NO_SOURCE = "NONE";
    public static final String UNROUTED = "UNROUTED";

    private Measures() {
    }

    /** A course figure: its third dimension holds course themes. */
    public static boolean isCourse(String measure) {
        return measure.startsWith("courses.");
    }

    /** A figure of distinct people in a period, counted from the match periods. */
    public static boolean isDistinct(String measure) {
        return measure.equals(PEOPLE_SUPPORTED) || measure.equals(VOLUNTEERS_ENGAGED) || measure.equals(NETWORKS_ENGAGED);
    }

    public static boolean isStock(String measure) {
        return measure.endsWith(".delta");
    }
}
