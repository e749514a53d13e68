package dk.qnet.referral.aftercare;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The §109 aftercare window of one woman: from the day she actually moved out of the shelter for
 * 6 months, in special cases extended once to at most 12 (Serviceloven §109, stk. 7). Calendar
 * months, Danish days: moving out on 31 August gives a window to 28 February, or 29 in a leap
 * year; the window's last day is {@link #endsOn()}, and it has ended the day after.
 *
 * @param extendedTo the extension's last day, or null
 */
public record AftercareWindow(LocalDate movedOutOn, LocalDate extendedTo) {

    public static final int STANDARD_MONTHS = 6;
    public static final int MAX_MONTHS = 12;
    /** The warnings before the window ends, in days: on her list, on her page and as a webhook. */
    public static final int FIRST_WARNING_DAYS = 30;
    public static final int LAST_WARNING_DAYS = 14;

    /** How the window stands on a day. */
    public enum State {
        OPEN,
        /** At most 30 days left. */
        ENDS_IN_30_DAYS,
        /** At most 14 days left. */
        ENDS_IN_14_DAYS,
        ENDED
    }

    public LocalDate standardEnd() {
        return movedOutOn.plusMonths(STANDARD_MONTHS);
    }

    /** The latest day an extension may reach. */
    public LocalDate latestEnd() {
        return movedOutOn.plusMonths(MAX_MONTHS);
    }

    public LocalDate endsOn() {
        return extendedTo == null ? standardEnd() : extendedTo;
    }

    /** Days from {@code today} to the last day: 0 on the last day, negative once it has ended. */
    public long daysLeft(LocalDate today) {
        return ChronoUnit.DAYS.between(today, endsOn());
    }

    public State stateOn(LocalDate today) {
        long left = daysLeft(today);
        if (left < 0) {
            return State.ENDED;
        }
        if (left <= LAST_WARNING_DAYS) {
            return State.ENDS_IN_14_DAYS;
        }
        return left <= FIRST_WARNING_DAYS ? State.ENDS_IN_30_DAYS : State.OPEN;
    }

    /** Whether an extension to this day is allowed: after the standard end and at most 12 months after the move-out. */
    public boolean allowsExtensionTo(LocalDate day) {
        return day.isAfter(standardEnd()) && !day.isAfter(latestEnd());
    }
}
