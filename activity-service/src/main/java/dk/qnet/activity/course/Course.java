package dk.qnet.activity.course;

import dk.qnet.activity.VenueKind;
import dk.qnet.contracts.activity.CourseTheme;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A group course: a themed series of sessions for one cohort of women (and their children). */
@Entity
@Table(name = "course")
public class Course extends PanacheEntityBase {

    public enum Audience {
        WOMEN,
        CHILDREN,
        WOMEN_AND_CHILDREN;

        public boolean women() {
            return this != CHILDREN;
        }

        public boolean children() {
            return this != WOMEN;
        }
    }

    public enum Status {
        /** Open: women apply and are admitted, sessions are held. */
        PLANNED,
        /** Closed after its last session; completion is final. */
        CLOSED,
        CANCELLED
    }

    @Id
    public UUID id;

    @Column(name = "network_id")
    public String networkId;

    public String title;

    public String description;

    @Enumerated(EnumType.STRING)
    public CourseTheme theme;

    @Enumerated(EnumType.STRING)
    public Audience audience;

    @Column(name = "child_min_age")
    public Integer childMinAge;

    @Column(name = "child_max_age")
    public Integer childMaxAge;

    /** ISO 639-1. */
    public String language;

    public String venue;

    @Enumerated(EnumType.STRING)
    @Column(name = "venue_kind")
    public VenueKind venueKind;

    /** Places: women, children or both, as the audience says. */
    public int capacity;

    /** A woman completes the course when she attended at least completionSessions of every completionOutOf sessions held. */
    @Column(name = "completion_sessions")
    public int completionSessions;

    @Column(name = "completion_out_of")
    public int completionOutOf;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** The cohort before this one, whose waiting list this one took over. */
    @Column(name = "previous_cohort_id")
    public UUID previousCohortId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Version
    public long version;

    /** The places one enrolment takes: the woman herself if the course is for women, and the children she brings if it is for them. */
    public int placesOf(int children) {
        return (audience.women() ? 1 : 0) + (audience.children() ? children : 0);
    }

    /** Whether a woman who attended {@code attended} of {@code held} sessions completed the course. */
    public boolean completes(int attended, int held) {
        return held > 0 && (long) attended * completionOutOf >= (long) held * completionSessions;
    }
}
