package dk.qnet.referral.aftercare;

import dk.qnet.contracts.aftercare.DropReason;
import dk.qnet.contracts.aftercare.ExtensionReason;
import dk.qnet.contracts.aftercare.GoalDomain;
import dk.qnet.contracts.aftercare.GoalOwner;
import dk.qnet.contracts.aftercare.GoalStatus;
import dk.qnet.platform.validation.DanishPhone;
import dk.qnet.platform.validation.EmailAddress;
import dk.qnet.platform.validation.FieldRules;
import dk.qnet.platform.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** The bodies of the aftercare writes. The annotations are the rules, and the OpenAPI document states them. */
public final class AftercareRequests {

    /** A goal's note: a few lines, personal data, sealed. */
    public static final int MAX_NOTE = 1000;
    /** Goals of one plan: seven domains with a handful each. */
    public static final int MAX_GOALS = 50;
    public static final int MAX_NAME = 100;
    public static final int MAX_OFFER = 100;

    private AftercareRequests() {
    }

    /** The shelter records the expected move-out, then the day she actually moved out (which opens the window). */
    public record MoveOut(LocalDate expectedMoveOut, LocalDate actualMoveOut) {
    }

    /** The adviser's one extension: to a day at most 12 months after the move-out, with a coded reason. */
    public record Extension(@NotNull LocalDate until, @NotNull ExtensionReason reason) {
    }

    /** The handover meeting before the move-out. */
    public record Handover(@NotNull LocalDate date, @NotEmpty @Size(max = 5) List<@NotNull HandoverRole> participants,
                           @NotNull Boolean held) {
    }

    /** The municipality's named coordinating caseworker: a name and a work contact, nothing more. */
    public record Caseworker(@NotBlank @Size(max = MAX_NAME) @PlainText String name,
                             @EmailAddress @Size(max = FieldRules.MAX_EMAIL) String email,
                             @DanishPhone @Size(max = FieldRules.MAX_PHONE) String phone) {
    }

    /** A new goal of the plan. */
    public record NewGoal(@NotNull GoalDomain domain, @NotNull GoalOwner owner,
                          @Size(max = MAX_OFFER) @PlainText String otherOffer, LocalDate due,
                          @Size(max = MAX_NOTE) @PlainText String note) {
    }

    /**
     * A change to a goal: only the fields sent change (an empty note removes it). A Qnet
     * coordinator sends only {@code status} (and {@code dropReason}).
     */
    public record GoalChange(GoalStatus status, DropReason dropReason, LocalDate due, GoalOwner owner,
                             @Size(max = MAX_OFFER) @PlainText String otherOffer,
                             @Size(max = MAX_NOTE) @PlainText String note) {
    }
}
