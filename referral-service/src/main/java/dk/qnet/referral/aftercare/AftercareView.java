package dk.qnet.referral.aftercare;

import dk.qnet.contracts.aftercare.DropReason;
import dk.qnet.contracts.aftercare.ExtensionReason;
import dk.qnet.contracts.aftercare.GoalDomain;
import dk.qnet.contracts.aftercare.GoalOwner;
import dk.qnet.contracts.aftercare.GoalStatus;
import dk.qnet.contracts.Limits;
import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.validation.FieldRules;
import dk.qnet.referral.ReferralStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A woman's §109 aftercare as the caller may see it: the window, the handover, the caseworker and
 * the plan. A Qnet coordinator sees only Qnet's goals and the network domain; an administrator
 * sees no note.
 */
public record AftercareView(UUID referralId, @Schema(maxLength = Limits.MUNICIPALITY_CODE_LENGTH) String municipalityCode,
                            @Schema(description = "The referral's status with Qnet.") ReferralStatus qnetStatus,
                            LocalDate expectedMoveOut, LocalDate actualMoveOut,
                            @Schema(description = "Null until the shelter records the actual move-out.") Window window,
                            Handover handover,
                            @Schema(description = "She moved out with no handover meeting held on or before that day.") boolean handoverMissing,
                            Caseworker caseworker,
                            @Schema(maxItems = AftercareRequests.MAX_GOALS) List<Goal> goals,
                            @Schema(minimum = "0", maximum = "9223372036854775807", description = "The version, as the ETag names it.") long version) {

    /** Days to a window's end, either way: a century. */
    static final String MAX_DAYS = "36500";

    public record Window(LocalDate startsOn, LocalDate endsOn, LocalDate standardEnd, LocalDate latestEnd,
                         @Schema(minimum = "-" + MAX_DAYS, maximum = MAX_DAYS, description = "Days to the last day: 0 on it, negative once ended.") long daysLeft,
                         AftercareWindow.State state, Extension extension, Instant closedAt,
                         @Schema(description = "The window ended with goals still open.") boolean endedWithGoalsOpen) {
    }

    public record Extension(LocalDate until, ExtensionReason reason, Instant at,
                            @Schema(maxLength = Roles.MAX_NAME_LENGTH) String by) {
    }

    public record Handover(LocalDate date, @Schema(maxItems = 5) List<HandoverRole> participants, boolean held, boolean beforeMoveOut) {
    }

    public record Caseworker(@Schema(maxLength = AftercareRequests.MAX_NAME) String name,
                             @Schema(maxLength = FieldRules.MAX_EMAIL) String email,
                             @Schema(maxLength = FieldRules.MAX_PHONE) String phone) {
    }

    public record Goal(UUID id, GoalDomain domain, GoalOwner owner, @Schema(maxLength = AftercareRequests.MAX_OFFER) String otherOffer, LocalDate due, GoalStatus status,
                       DropReason dropReason,
                       @Schema(maxLength = AftercareRequests.MAX_NOTE, description = "Personal data: the read is audited; never shown to an administrator.") String note,
                       Instant updatedAt, @Schema(minimum = "0", maximum = "9223372036854775807", description = "The version, as the ETag names it.") long version) {
    }

    /** One dated step of the window and the plan. */
    public record Step(Instant at, @Schema(maxLength = Roles.MAX_NAME_LENGTH) String by, AftercareStep.Action action, UUID goalId,
                       GoalDomain domain, @Schema(maxLength = AftercareStep.MAX_DETAIL, description = "Codes and dates.") String detail) {
    }

    /** One woman on the adviser's caseload: dates, codes and counts, no personal data. */
    public record CaseloadEntry(UUID referralId, ReferralStatus qnetStatus, LocalDate expectedMoveOut, LocalDate actualMoveOut,
                                LocalDate windowEndsOn,
                                @Schema(minimum = "-" + MAX_DAYS, maximum = MAX_DAYS) Long daysLeft, AftercareWindow.State state,
                                @Schema(minimum = "0", maximum = "" + AftercareRequests.MAX_GOALS) long openGoals,
                                boolean handoverMissing, boolean endedWithGoalsOpen,
                                @Schema(maxLength = AftercareRequests.MAX_NAME, description = "Her caseworker's name.") String caseworker,
                                @Schema(description = "What the list is sorted on: the window's end, or before the move-out the expected move-out.") LocalDate dueOn) {
    }
}
