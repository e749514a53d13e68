package dk.qnet.platform.time;

import dk.qnet.contracts.DanishTime;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The one clock of a service: every "now" and "today" the code reads comes from here, so a test can
 * set the time by producing its own {@link Clock} ({@link SystemClock} is the default bean).
 * {@link #now()} is to the microsecond, as PostgreSQL keeps a timestamp, so what is stored reads
 * back equal to what was written.
 */
@ApplicationScoped
public class SuiteClock {

    private final Clock clock;

    public SuiteClock(Clock clock) {
        this.clock = clock;
    }

    /** This instant, to the microsecond. */
    public Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** Today in Denmark. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(DanishTime.ZONE));
    }

    /** The clock itself, for code that takes a java.time.Clock. */
    public Clock clock() {
        return clock;
    }
}
