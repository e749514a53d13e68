package dk.qnet.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SuiteClockTest {

    @Test
    void nowIsToTheMicrosecondAsPostgreSqlKeepsIt() {
        SuiteClock clock = new SuiteClock(Clock.fixed(Instant.parse("2026-12-07T08:15:30.123456789Z"), ZoneOffset.UTC));
        assertEquals(Instant.parse("2026-12-07T08:15:30.123456Z"), clock.now());
    }

    @Test
    void todayIsTheDanishDateWhateverTheClocksZone() {
        // 22:30 UTC on the last of June is already the first of July in Copenhagen (summer time, +2).
        SuiteClock summer = new SuiteClock(Clock.fixed(Instant.parse("2026-06-30T22:30:00Z"), ZoneOffset.UTC));
        assertEquals(LocalDate.of(2026, 7, 1), summer.today());
        // 23:30 UTC on New Year's Eve is already the new year (winter time, +1); 22:30 is not.
        assertEquals(LocalDate.of(2027, 1, 1), new SuiteClock(Clock.fixed(Instant.parse("2026-12-31T23:30:00Z"), ZoneOffset.UTC)).today());
        assertEquals(LocalDate.of(2026, 12, 31), new SuiteClock(Clock.fixed(Instant.parse("2026-12-31T22:30:00Z"), ZoneOffset.UTC)).today());
    }
}
