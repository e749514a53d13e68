package dk.qnet.matching.volunteer;

import dk.qnet.contracts.referral.AgeBand;
import dk.qnet.contracts.referral.AvailabilitySlot;
import dk.qnet.contracts.referral.Interest;
import dk.qnet.matching.engine.VolunteerProfile;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A Qnet volunteer: all women, of all ages and walks of life. */
@Entity
@Table(name = "volunteer")
public class Volunteer extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "network_id")
    public String networkId;

    @Column(name = "first_name")
    public String firstName;

    public String phone;

    public String email;

    @Column(name = "municipality_code")
    public String municipalityCode;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> languages;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<AvailabilitySlot> availability;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Interest> interests;

    @Enumerated(EnumType.STRING)
    @Column(name = "age_band")
    public AgeBand ageBand;

    public int capacity;

    @Column(name = "training_completed_on")
    public LocalDate trainingCompletedOn;

    @Column(name = "certificate_valid_until")
    public LocalDate certificateValidUntil;

    @Enumerated(EnumType.STRING)
    public VolunteerProfile.Status status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
