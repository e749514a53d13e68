package dk.qnet.matching.volunteer;

import dk.qnet.contracts.Limits;
import dk.qnet.contracts.network.NetworkIds;
import dk.qnet.contracts.referral.AgeBand;
import dk.qnet.contracts.referral.AvailabilitySlot;
import dk.qnet.contracts.referral.Interest;
import dk.qnet.matching.engine.VolunteerProfile;
import dk.qnet.platform.validation.FieldRules;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A Qnet volunteer: all women, of all ages and walks of life. */
@Entity
@Table(name = "volunteer")
public class Volunteer extends PanacheEntityBase {

    public static final int MAX_FIRST_NAME = 100;
    /** The most women one volunteer supports at once. */
    public static final int MIN_CAPACITY = 1;
    public static final int MAX_CAPACITY = 5;

    @Id
    public UUID id;

    @Column(name = "network_id")
    @Schema(maxLength = NetworkIds.MAX_LENGTH)
    public String networkId;

    @Column(name = "first_name")
    @Schema(maxLength = MAX_FIRST_NAME)
    public String firstName;

    @Schema(maxLength = FieldRules.MAX_PHONE)
    public String phone;

    @Schema(maxLength = FieldRules.MAX_EMAIL)
    public String email;

    @Column(name = "municipality_code")
    @Schema(maxLength = Limits.MUNICIPALITY_CODE_LENGTH)
    public String municipalityCode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Schema(maxItems = Limits.MAX_LANGUAGES)
    public List<@Size(min = Limits.LANGUAGE_CODE_LENGTH, max = Limits.LANGUAGE_CODE_LENGTH) String> languages;

    @JdbcTypeCode(SqlTypes.JSON)
    @Schema(maxItems = Limits.MAX_CODES)
    public List<AvailabilitySlot> availability;

    @JdbcTypeCode(SqlTypes.JSON)
    @Schema(maxItems = Limits.MAX_CODES)
    public List<Interest> interests;

    @Enumerated(EnumType.STRING)
    @Column(name = "age_band")
    public AgeBand ageBand;

    @Schema(minimum = "" + MIN_CAPACITY, maximum = "" + MAX_CAPACITY)
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
    @Schema(minimum = "0", maximum = "" + Long.MAX_VALUE)
    public long version;
}
