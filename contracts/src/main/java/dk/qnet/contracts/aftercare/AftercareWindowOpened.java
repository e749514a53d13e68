package dk.qnet.contracts.aftercare;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * The shelter recorded the day she actually moved out, and the municipality's aftercare window
 * (Serviceloven §109, stk. 7) opened: from that day for 6 months.
 *
 * @param handoverBeforeMoveOut whether a handover meeting was held on or before the move-out day
 */
public record AftercareWindowOpened(UUID referralId, String municipalityCode, LocalDate movedOutOn, LocalDate endsOn,
                                    boolean handoverBeforeMoveOut, Instant openedAt) {

    public AftercareWindowOpened {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        Objects.requireNonNull(movedOutOn, "movedOutOn");
        Objects.requireNonNull(endsOn, "endsOn");
        Objects.requireNonNull(openedAt, "openedAt");
    }
}
