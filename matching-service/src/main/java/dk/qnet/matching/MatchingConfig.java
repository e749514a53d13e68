package dk.qnet.matching;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The engine's tunable weights and the automatic runs. */
@ConfigMapping(prefix = "qnet.matching")
public interface MatchingConfig {

    /** Points taken off a pair whose volunteer belongs to a neighbouring network in the same region. */
    @WithDefault("20")
    int neighbourPenalty();

    /** Extra points for a woman back on the waitlist after a match ended early. */
    @WithDefault("25")
    int waitlistPriority();

    /** How often networks with changed women or volunteers get a fresh run (read by the scheduler). */
    @WithDefault("15s")
    String autoRunInterval();

    /** Whether changes trigger runs at all; off, runs happen only on demand. */
    @WithDefault("true")
    boolean autoRun();
}
