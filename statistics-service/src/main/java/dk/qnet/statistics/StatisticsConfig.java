package dk.qnet.statistics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "qnet.statistics")
public interface StatisticsConfig {

    /** Published counts from 1 to below this show as "<threshold"; medians need this many cases. */
    @WithDefault("5")
    int suppressionThreshold();

    /** The time zone that decides which month an event belongs to. */
    @WithDefault("Europe/Copenhagen")
    String zone();

    /**
     * The secret key (base64, at least 32 bytes) of the keyed hash that stands in for a referral
     * id. No default: production supplies it as a secret; ./qnet makes one per installation.
     */
    String pseudonymKey();

    /**
     * How many computed figures (a year's suppressed cube of one measure, a spread) are kept
     * until an event changes the aggregates. 0 computes every call afresh.
     */
    @WithDefault("120")
    int cachedFigures();

    /**
     * Anonymous calls to the public figures one address may make a minute (a burst of as many,
     * refilled evenly); past it, 429 with Retry-After. A dashboard visit makes about ten.
     */
    @WithDefault("300")
    int publicCallsPerMinute();

    /**
     * How often {@code FigureWarmer} looks whether the aggregates changed and then stayed still for
     * a tick, to compute this year's national figures ahead of the readers; "off" never.
     */
    @WithDefault("15s")
    String warmEvery();
}
