package dk.qnet.activity;

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

/** One registration for an activity, and the head count it takes. */
@Entity
@Table(name = "registration")
public class Registration extends PanacheEntityBase {

    public enum Kind {
        WOMAN,
        VOLUNTEER,
        ANONYMOUS
    }

    public enum State {
        CONFIRMED,
        WAITLISTED,
        CANCELLED
    }

    @Id
    public UUID id;

    @Column(name = "activity_id")
    public UUID activityId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    /** The woman's pseudonymous referral id; null for volunteers, head counts and after erasure. */
    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "volunteer_id")
    public UUID volunteerId;

    public int women;

    public int children;

    public int volunteers;

    @Enumerated(EnumType.STRING)
    public State state;

    /** Order on the waitlist: first come, first moved up. */
    @Generated
    @Column(name = "queued_at", insertable = false, updatable = false)
    public Long queuedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    public Boolean attended;

    public int headCount() {
        return women + children + volunteers;
    }

    /** The people in the registrations of one state: confirmed places, or the waitlist. */
    public static int heads(java.util.List<Registration> registrations, State state) {
        return registrations.stream().filter(r -> r.state == state).mapToInt(Registration::headCount).sum();
    }
}
