package dk.qnet.contracts.referral;

import java.time.DayOfWeek;
import java.util.Objects;

/** A weekday and a part of the day when a woman or a volunteer can meet. */
public record AvailabilitySlot(DayOfWeek day, DayPeriod period) {

    public AvailabilitySlot {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(period, "period");
    }
}
