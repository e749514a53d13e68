package dk.qnet.activity;

import dk.qnet.contracts.activity.ActivityType;
import dk.qnet.contracts.activity.Audience;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A network's group activity: a dinner, an excursion, a workshop. */
@Entity
@Table(name = "activity")
public class Activity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "network_id")
    public String networkId;

    public String title;

    public String description;

    @Enumerated(EnumType.STRING)
    public ActivityType type;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    public String venue;

    @Enumerated(EnumType.STRING)
    @Column(name = "venue_kind")
    public VenueKind venueKind;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Audience> audience;

    public int capacity;

    @Column(name = "signup_deadline")
    public Instant signupDeadline;

    @Enumerated(EnumType.STRING)
    public ActivityStatus status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "attended_women")
    public Integer attendedWomen;

    @Column(name = "attended_children")
    public Integer attendedChildren;

    @Column(name = "attended_volunteers")
    public Integer attendedVolunteers;

    @Column(name = "held_at")
    public Instant heldAt;

    @Version
    public long version;
}
