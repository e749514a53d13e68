package dk.qnet.platform.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values read back by native queries, whose Java type depends on the driver and dialect. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A timestamptz column as an Instant, whether it came back as Instant, OffsetDateTime or Timestamp. */
    public static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return Instant.parse(value.toString());
    }
}
