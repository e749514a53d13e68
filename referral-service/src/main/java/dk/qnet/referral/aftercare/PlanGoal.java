package dk.qnet.referral.aftercare;

import dk.qnet.contracts.aftercare.DropReason;
import dk.qnet.contracts.aftercare.GoalDomain;
import dk.qnet.contracts.aftercare.GoalOwner;
import dk.qnet.contracts.aftercare.GoalStatus;
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
import java.util.UUID;

/** One goal of the shared plan. Its note is personal data: sealed, never in a column in the clear. */
@Entity
@Table(name = "plan_goal")
public class PlanGoal extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "referral_id")
    public UUID referralId;

    @Enumerated(EnumType.STRING)
    public GoalDomain domain;

    @Enumerated(EnumType.STRING)
    public GoalOwner owner;

    /** The other offer's name when the owner is OTHER_OFFER (an organisation, not a person). */
    @Column(name = "other_offer")
    public String otherOffer;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    public GoalStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "drop_reason")
    public DropReason dropReason;

    @Column(name = "sealed_note")
    public byte[] sealedNote;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /** The goals a Qnet coordinator sees and moves: Qnet's own, and the network domain. */
    public boolean isQnets() {
        return owner == GoalOwner.QNET || domain == GoalDomain.NETWORK;
    }
}
