package dk.qnet.contracts.aftercare;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** The adviser extended the window, once, to at most 12 months after the move-out, with a coded reason. */
public record AftercareWindowExtended(UUID referralId, String municipalityCode, LocalDate endsOn, ExtensionReason reason,
                                      Instant extendedAt) {

    public AftercareWindowExtended {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        Objects.requireNonNull(endsOn, "endsOn");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(extendedAt, "extendedAt");
    }
}
