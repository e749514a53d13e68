package dk.qnet.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PageDatesTest {

    @Test
    void datesAreDanishAndInDanishTime() {
        assertEquals("7.12.2026", PageDates.date(LocalDate.parse("2026-12-07")));
        assertEquals("8.12.2026", PageDates.date(Instant.parse("2026-12-07T23:30:00Z")), "after 23:00 UTC it is the next day in winter");
        assertEquals("1.7.2026 kl. 01:30", PageDates.dateTime(Instant.parse("2026-06-30T23:30:00Z")), "summer time is two hours ahead");
        assertEquals("", PageDates.date((LocalDate) null));
        assertEquals("", PageDates.dateTime(null));
    }
}
