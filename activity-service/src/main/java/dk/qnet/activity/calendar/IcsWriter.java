package dk.qnet.activity.calendar;

import dk.qnet.activity.Activity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes an RFC 5545 calendar of activities and course sessions: title, time and venue only, never who comes.
 * Lines end in CRLF and are folded at 75 octets.
 */
public final class IcsWriter {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private IcsWriter() {
    }

    /** One event of a feed: title, time and place, never who comes. A cancelled one stays in the feed, marked so. */
    public record Entry(String uid, Instant lastModified, long sequence, Instant startsAt, Instant endsAt, String summary, String location,
                        boolean cancelled) {

        public static Entry of(Activity a) {
            return new Entry(a.id.toString(), a.updatedAt, a.version, a.startsAt, a.endsAt, a.title, a.venue, false);
        }
    }

    public static String calendar(String calendarName, List<Entry> entries, Instant now) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Dansk Røde Kors//Qnet aktiviteter//DA");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + escape(calendarName));
        for (Entry e : entries) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + e.uid() + "@qnet.rodekors.dk");
            line(out, "DTSTAMP:" + UTC.format(now));
            line(out, "LAST-MODIFIED:" + UTC.format(e.lastModified()));
            line(out, "SEQUENCE:" + e.sequence());
            line(out, "DTSTART:" + UTC.format(e.startsAt()));
            line(out, "DTEND:" + UTC.format(e.endsAt()));
            line(out, "SUMMARY:" + escape(e.summary()));
            line(out, "LOCATION:" + escape(e.location()));
            line(out, "STATUS:" + (e.cancelled() ? "CANCELLED" : "CONFIRMED"));
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Appends a content line, folded so no physical line exceeds 75 octets. */
    static void line(StringBuilder out, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        int limit = 75;
        while (bytes.length - start > limit) {
            int end = start + limit;
            // Never split a UTF-8 sequence: back up to the start of a character.
            while ((bytes[end] & 0xC0) == 0x80) {
                end--;
            }
            out.append(new String(bytes, start, end - start, StandardCharsets.UTF_8)).append("\r\n ");
            start = end;
            limit = 74;
        }
        out.append(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8)).append("\r\n");
    }
}
