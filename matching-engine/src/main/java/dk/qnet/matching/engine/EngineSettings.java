package dk.qnet.matching.engine;

import java.time.LocalDate;

/**
 * The engine's weights and the day it reasons about (certificates, children's ages, waiting).
 * Points are integers so that equal inputs give equal results on every machine.
 */
public record EngineSettings(LocalDate today, int base, int perSharedInterest, int maxInterests, int ageBandMatch,
                             int perExtraSlot, int maxExtraSlots, int sameMunicipality, int perWeekWaited,
                             int maxWaiting, int waitlistPriority, int neighbourNetworkPenalty) {

    public static EngineSettings defaults(LocalDate today) {
        return new EngineSettings(today, 100, 10, 30, 15, 5, 20, 10, 5, 60, 25, 20);
    }

    /** The defaults with another penalty for volunteers of neighbouring networks and another waitlist priority. */
    public EngineSettings with(int neighbourPenalty, int priority) {
        return new EngineSettings(today, base, perSharedInterest, maxInterests, ageBandMatch, perExtraSlot, maxExtraSlots,
                sameMunicipality, perWeekWaited, maxWaiting, priority, neighbourPenalty);
    }
}
