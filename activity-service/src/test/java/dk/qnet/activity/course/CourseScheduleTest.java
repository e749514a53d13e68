package dk.qnet.activity.course;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CourseScheduleTest {

    @Test
    void everyOtherWeekKeepsTheDanishWallClockAcrossBothChangesOfSummerTime() {
        // Summer time begins on 28 March 2027: 17:00 in Copenhagen is 16:00 UTC before, 15:00 UTC after.
        CourseSchedule spring = new CourseSchedule(LocalDate.of(2027, 3, 17), LocalTime.of(17, 0), 120, CourseSchedule.Frequency.EVERY_OTHER_WEEK);
        assertEquals(List.of(Instant.parse("2027-03-17T16:00:00Z"), Instant.parse("2027-03-31T15:00:00Z"), Instant.parse("2027-04-14T15:00:00Z"),
                Instant.parse("2027-04-28T15:00:00Z")), spring.slots(4).stream().map(CourseSchedule.Slot::startsAt).toList());
        assertEquals(Instant.parse("2027-03-31T17:00:00Z"), spring.slots(4).get(1).endsAt());
        // It ends on 31 October 2027: back to 16:00 UTC.
        CourseSchedule autumn = new CourseSchedule(LocalDate.of(2027, 10, 20), LocalTime.of(17, 0), 90, CourseSchedule.Frequency.WEEKLY);
        assertEquals(List.of(Instant.parse("2027-10-20T15:00:00Z"), Instant.parse("2027-10-27T15:00:00Z"), Instant.parse("2027-11-03T16:00:00Z")),
                autumn.slots(3).stream().map(CourseSchedule.Slot::startsAt).toList());
    }

    @Test
    void theSessionsUntilALastDateCountTheWeeksOfTheRhythm() {
        CourseSchedule weekly = new CourseSchedule(LocalDate.of(2027, 1, 6), LocalTime.of(10, 0), 60, CourseSchedule.Frequency.WEEKLY);
        assertEquals(1, weekly.sessionsUntil(LocalDate.of(2027, 1, 6)));
        assertEquals(1, weekly.sessionsUntil(LocalDate.of(2027, 1, 12)));
        assertEquals(2, weekly.sessionsUntil(LocalDate.of(2027, 1, 13)));
        assertEquals(0, weekly.sessionsUntil(LocalDate.of(2027, 1, 5)));
        CourseSchedule fortnightly = new CourseSchedule(LocalDate.of(2027, 1, 6), LocalTime.of(10, 0), 60, CourseSchedule.Frequency.EVERY_OTHER_WEEK);
        // 14-20 weeks every other week, as Danner's aftercare groups: 15 weeks from the first is the 8th session.
        assertEquals(8, fortnightly.sessionsUntil(LocalDate.of(2027, 1, 6).plusWeeks(14)));
        assertEquals(LocalDate.of(2027, 4, 14), fortnightly.dateOf(8));
    }

    @Test
    void completionIsTheShareOfTheSessionsHeldWithoutRounding() {
        Course c = new Course();
        c.completionSessions = 2;
        c.completionOutOf = 3;
        assertEquals(true, c.completes(10, 15));
        assertEquals(false, c.completes(9, 15));
        assertEquals(true, c.completes(2, 3));
        assertEquals(false, c.completes(1, 2));
        assertEquals(false, c.completes(0, 0), "nothing held, nothing completed");
    }
}
