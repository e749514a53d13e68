package dk.qnet.referral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One dated step of a referral's history: the closed loop its sender can follow. */
@Entity
@Table(name = "referral_status_change")
public class ReferralStatusChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "referral_id")
    public UUID referralId;

    @Enumerated(EnumType.STRING)
    public ReferralStatus status;

    @Enumerated(EnumType.STRING)
    public StatusReason reason;

    @Column(name = "changed_at")
    public Instant changedAt;

    /** The role that made the change, or "system" for changes driven by events. */
    @Column(name = "changed_by")
    public String changedBy;
}
