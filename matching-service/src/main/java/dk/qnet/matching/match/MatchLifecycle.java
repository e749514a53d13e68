package dk.qnet.matching.match;

import static dk.qnet.matching.match.MatchStatus.ACCEPTED;
import static dk.qnet.matching.match.MatchStatus.ACTIVE;
import static dk.qnet.matching.match.MatchStatus.DECLINED;
import static dk.qnet.matching.match.MatchStatus.ENDED;
import static dk.qnet.matching.match.MatchStatus.OFFERED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The match lifecycle of docs/ARCHITECTURE.md as a plain state machine:
 * <pre>
 * OFFERED → ACCEPTED → ACTIVE → ENDED
 *    └→ DECLINED   └──────────→ ENDED
 * </pre>
 * DECLINED and ENDED are final.
 */
public final class MatchLifecycle {

    private static final Map<MatchStatus, Set<MatchStatus>> NEXT = new EnumMap<>(MatchStatus.class);

    static {
        NEXT.put(OFFERED, EnumSet.of(ACCEPTED, DECLINED));
        NEXT.put(ACCEPTED, EnumSet.of(ACTIVE, ENDED));
        NEXT.put(ACTIVE, EnumSet.of(ENDED));
        NEXT.put(DECLINED, EnumSet.noneOf(MatchStatus.class));
        NEXT.put(ENDED, EnumSet.noneOf(MatchStatus.class));
    }

    private MatchLifecycle() {
    }

    public static boolean allows(MatchStatus from, MatchStatus to) {
        return NEXT.get(from).contains(to);
    }

    public static Set<MatchStatus> next(MatchStatus from) {
        Set<MatchStatus> next = NEXT.get(from);
        return next.isEmpty() ? EnumSet.noneOf(MatchStatus.class) : EnumSet.copyOf(next);
    }

    public static boolean isFinal(MatchStatus status) {
        return NEXT.get(status).isEmpty();
    }
}
