package dk.qnet.activity.course;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/** A woman's place on a course, by her pseudonymous referral id (null after erasure), with the children she brings. */
@Entity
@Table(name = "enrolment")
public class Enrolment extends PanacheEntityBase {

    public enum State {
        /** Waiting for admission, in queue order. */
        APPLIED,
        ADMITTED,
        DROPPED_OUT,
        /** Left the queue before admission. */
        WITHDRAWN,
        /** Still waiting when the next cohort was made: her place in its queue, in the same order. */
        MOVED_TO_NEXT_COHORT
    }

    /** Why a woman left a course she was admitted to. */
    public enum DropOutReason {
        MOVED_AWAY,
        ILLNESS,
        WORK_OR_EDUCATION,
        CHILDCARE,
        NOT_RIGHT_FOR_HER,
        SAFETY,
        NO_CONTACT,
        OTHER
    }

    @Id
    public UUID id;

    @Column(name = "course_id")
    public UUID courseId;

    @Column(name = "referral_id")
    public UUID referralId;

    public int children;

    @Enumerated(EnumType.STRING)
    public State state;

    /** Order in the queue: first come, first admitted. */
    @Generated
    @Column(name = "queued_at", insertable = false, updatable = false)
    public Long queuedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "drop_out_reason")
    public DropOutReason dropOutReason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
