package dk.qnet.statistics.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "qnet.statistics")
public interface StatisticsConfig {

    /** Published counts below this show as "<threshold". */
    @WithDefault("5")
    int suppressionThreshold();

    /** The time zone that decides which month an event belongs to. */
    @WithDefault("Europe/Copenhagen")
    String zone();
}
