package dk.qnet.platform.web;

import dk.qnet.contracts.DanishTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates as the pages write them, in Danish time: 7.12.2026 and 7.12.2026 kl. 11:45; nothing is an empty text. */
public final class PageDates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d.M.yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d.M.yyyy 'kl.' HH:mm");

    private PageDates() {
    }

    public static String date(LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    /** The Danish calendar day of an instant. */
    public static String date(Instant at) {
        return at == null ? "" : DATE.format(at.atZone(DanishTime.ZONE));
    }

    public static String dateTime(Instant at) {
        return at == null ? "" : DATE_TIME.format(at.atZone(DanishTime.ZONE));
    }
}
