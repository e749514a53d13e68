package dk.qnet.activity.course;

import dk.qnet.contracts.DanishTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The sessions of a series: the same weekday and Danish wall-clock time every week or every other
 * week, from the first date, either a number of sessions or until a last date. Across a change to
 * or from summer time the wall-clock time stays, so the UTC instant moves by an hour.
 */
public record CourseSchedule(LocalDate firstDate, LocalTime startTime, int durationMinutes, Frequency frequency) {

    public enum Frequency {
        WEEKLY(1),
        EVERY_OTHER_WEEK(2);

        final int weeks;

        Frequency(int weeks) {
            this.weeks = weeks;
        }
    }

    public static final int MIN_SESSIONS = 4;
    public static final int MAX_SESSIONS = 30;

    /** Start and end of one session. */
    public record Slot(Instant startsAt, Instant endsAt) {
    }

    /** The date of the n-th session (from 1) as first planned. */
    public LocalDate dateOf(int number) {
        return firstDate.plusWeeks((long) (number - 1) * frequency.weeks);
    }

    /** How many sessions there are from the first date up to and including {@code lastDate}. */
    public int sessionsUntil(LocalDate lastDate) {
        if (lastDate.isBefore(firstDate)) {
            return 0;
        }
        return (int) (ChronoUnit.WEEKS.between(firstDate, lastDate) / frequency.weeks) + 1;
    }

    public List<Slot> slots(int sessions) {
        List<Slot> slots = new ArrayList<>(sessions);
        for (int n = 1; n <= sessions; n++) {
            slots.add(slot(dateOf(n), startTime, durationMinutes));
        }
        return slots;
    }

    /** A session on a Danish date at a Danish wall-clock time. */
    public static Slot slot(LocalDate date, LocalTime time, int durationMinutes) {
        ZonedDateTime start = ZonedDateTime.of(date, time, DanishTime.ZONE);
        return new Slot(start.toInstant(), start.toInstant().plus(Duration.ofMinutes(durationMinutes)));
    }
}
