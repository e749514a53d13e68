package dk.qnet.matching.match;

import static dk.qnet.matching.match.MatchStatus.ACCEPTED;
import static dk.qnet.matching.match.MatchStatus.ACTIVE;
import static dk.qnet.matching.match.MatchStatus.DECLINED;
import static dk.qnet.matching.match.MatchStatus.ENDED;
import static dk.qnet.matching.match.MatchStatus.OFFERED;

import dk.qnet.platform.lifecycle.StateMachine;
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

    private static final StateMachine<MatchStatus> STEPS = StateMachine.of(MatchStatus.class)
            .from(OFFERED, ACCEPTED, DECLINED)
            .from(ACCEPTED, ACTIVE, ENDED)
            .from(ACTIVE, ENDED)
            .build();

    private MatchLifecycle() {
    }

    public static boolean allows(MatchStatus from, MatchStatus to) {
        return STEPS.allows(from, to);
    }

    public static Set<MatchStatus> next(MatchStatus from) {
        return STEPS.next(from);
    }

    public static boolean isFinal(MatchStatus status) {
        return STEPS.isFinal(status);
    }
}
