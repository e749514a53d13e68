package dk.qnet.referral.aftercare;

import dk.qnet.contracts.aftercare.ExtensionReason;
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

/** The municipality's aftercare of one woman (one per referral, made at its first write). */
@Entity
@Table(name = "aftercare")
public class Aftercare extends PanacheEntityBase {

    @Id
    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "actual_move_out")
    public LocalDate actualMoveOut;

    /** The window's last day, kept beside the dates it follows from so the due list can sort on it. */
    @Column(name = "window_ends_on")
    public LocalDate windowEndsOn;

    @Column(name = "extended_to")
    public LocalDate extendedTo;

    @Enumerated(EnumType.STRING)
    @Column(name = "extension_reason")
    public ExtensionReason extensionReason;

    @Column(name = "extended_at")
    public Instant extendedAt;

    /** The role that extended it. */
    @Column(name = "extended_by")
    public String extendedBy;

    /** The last warning sent as a webhook: 30, then 14 (days before the end); null before the first. */
    @Column(name = "warned_days")
    public Integer warnedDays;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_goals_open")
    public Boolean closedWithGoalsOpen;

    @Column(name = "handover_on")
    public LocalDate handoverOn;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "handover_roles")
    public List<HandoverRole> handoverRoles;

    @Column(name = "handover_held")
    public Boolean handoverHeld;

    @Column(name = "caseworker_name")
    public String caseworkerName;

    @Column(name = "caseworker_email")
    public String caseworkerEmail;

    @Column(name = "caseworker_phone")
    public String caseworkerPhone;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /** The window, once she has moved out. */
    public AftercareWindow window() {
        return actualMoveOut == null ? null : new AftercareWindow(actualMoveOut, extendedTo);
    }

    /** How her window stands on a day: ended once it is closed, whatever its dates say. */
    public AftercareWindow.State stateOn(LocalDate today) {
        return closedAt != null ? AftercareWindow.State.ENDED : window().stateOn(today);
    }

    /** A handover meeting held on or before the day she moved out (or, before she has, held at all). */
    public boolean handoverBefore(LocalDate moveOut) {
        return Boolean.TRUE.equals(handoverHeld) && handoverOn != null && (moveOut == null || !handoverOn.isAfter(moveOut));
    }
}
