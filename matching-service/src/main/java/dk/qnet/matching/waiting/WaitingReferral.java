package dk.qnet.matching.waiting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A referral in the matching pool, known only by its pseudonymous id and matching inputs. */
@Entity
@Table(name = "waiting_referral")
public class WaitingReferral extends PanacheEntityBase {

    @Id
    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "municipality_code")
    public String municipalityCode;

    @Column(name = "network_id")
    public String networkId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "children_birth_years")
    public List<Integer> childrenBirthYears;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "waiting_since")
    public Instant waitingSince;

    @JdbcTypeCode(SqlTypes.JSON)
    public dk.qnet.contracts.referral.MatchingProfile matching;

    @Enumerated(EnumType.STRING)
    public PoolStatus status;

    @Column(name = "waitlist_priority")
    public boolean waitlistPriority;

    /** Her consent covers STATISTICS: only then are her own outcome ratings recorded. */
    @Column(name = "statistics_consent")
    public boolean statisticsConsent;
}
