package dk.qnet.referral.aftercare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The window arithmetic: calendar months, month ends, leap days, and the warnings by the day. */
class AftercareWindowTest {

    @Test
    void sixCalendarMonthsFromTheMoveOut() {
        assertEquals(LocalDate.of(2027, 9, 2), new AftercareWindow(LocalDate.of(2027, 3, 2), null).endsOn());
        assertEquals(LocalDate.of(2028, 3, 2), new AftercareWindow(LocalDate.of(2027, 3, 2), null).latestEnd());
    }

    @Test
    void aMonthEndMoveOutEndsOnTheLastDayOfTheShorterMonth() {
        assertEquals(LocalDate.of(2027, 2, 28), new AftercareWindow(LocalDate.of(2026, 8, 31), null).endsOn());
        assertEquals(LocalDate.of(2026, 2, 28), new AftercareWindow(LocalDate.of(2025, 8, 31), null).endsOn());
        assertEquals(LocalDate.of(2027, 4, 30), new AftercareWindow(LocalDate.of(2026, 10, 31), null).endsOn());
    }

    @Test
    void leapDays() {
        // Into a leap February, and from a leap day to a year without one.
        assertEquals(LocalDate.of(2028, 2, 29), new AftercareWindow(LocalDate.of(2027, 8, 31), null).endsOn());
        assertEquals(LocalDate.of(2028, 8, 29), new AftercareWindow(LocalDate.of(2028, 2, 29), null).endsOn());
        assertEquals(LocalDate.of(2029, 2, 28), new AftercareWindow(LocalDate.of(2028, 2, 29), null).latestEnd());
    }

    @Test
    void theWarningsCountDaysToTheLastDay() {
        AftercareWindow w = new AftercareWindow(LocalDate.of(2027, 3, 2), null);
        LocalDate end = w.endsOn();
        assertEquals(AftercareWindow.State.OPEN, w.stateOn(end.minusDays(31)));
        assertEquals(AftercareWindow.State.ENDS_IN_30_DAYS, w.stateOn(end.minusDays(30)));
        assertEquals(AftercareWindow.State.ENDS_IN_30_DAYS, w.stateOn(end.minusDays(15)));
        assertEquals(AftercareWindow.State.ENDS_IN_14_DAYS, w.stateOn(end.minusDays(14)));
        assertEquals(AftercareWindow.State.ENDS_IN_14_DAYS, w.stateOn(end));
        assertEquals(0, w.daysLeft(end));
        assertEquals(AftercareWindow.State.ENDED, w.stateOn(end.plusDays(1)));
    }

    @Test
    void anExtensionRunsPastSixMonthsToAtMostTwelve() {
        AftercareWindow w = new AftercareWindow(LocalDate.of(2026, 8, 31), null);
        assertFalse(w.allowsExtensionTo(LocalDate.of(2027, 2, 28)), "the standard end is no extension");
        assertTrue(w.allowsExtensionTo(LocalDate.of(2027, 3, 1)));
        assertTrue(w.allowsExtensionTo(LocalDate.of(2027, 8, 31)));
        assertFalse(w.allowsExtensionTo(LocalDate.of(2027, 9, 1)), "past 12 months");
        AftercareWindow extended = new AftercareWindow(LocalDate.of(2026, 8, 31), LocalDate.of(2027, 6, 1));
        assertEquals(LocalDate.of(2027, 6, 1), extended.endsOn());
    }
}
