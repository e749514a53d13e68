package dk.qnet.referral.aftercare;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One dated step of the window and the plan: who (by role) did what; codes and dates, never a note. */
@Entity
@Table(name = "aftercare_step")
public class AftercareStep extends PanacheEntityBase {

    /** What a step records. */
    public enum Action {
        MOVE_OUT_EXPECTED, MOVED_OUT, WINDOW_EXTENDED, WARNED_30_DAYS, WARNED_14_DAYS, WINDOW_CLOSED, WINDOW_CLOSED_WITH_GOALS_OPEN,
        HANDOVER_RECORDED, CASEWORKER_ASSIGNED, GOAL_ADDED, GOAL_CHANGED, GOAL_NOTE_CHANGED
    }

    /** A step's detail: a few codes and dates. */
    public static final int MAX_DETAIL = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "referral_id")
    public UUID referralId;

    public Instant at;

    @Column(name = "by_role")
    public String byRole;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Action action;

    @Column(name = "goal_id")
    public UUID goalId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public dk.qnet.contracts.aftercare.GoalDomain domain;

    /** Codes and dates only (a status, a reason, a day). */
    public String detail;
}
