package dk.qnet.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "qnet.outbox")
public interface OutboxConfig {

    /** How many events one relay pass publishes before it commits their published marks. */
    @WithDefault("200")
    int batchSize();

    /** How long the relay waits for the broker to acknowledge an event. */
    @WithDefault("10s")
    Duration ackTimeout();

    /** Published rows older than this are deleted. */
    @WithDefault("P7D")
    Duration keepPublished();

    /** How often the relay looks for unpublished rows besides being woken at each commit (read by the scheduler). */
    @WithDefault("1s")
    String pollInterval();
}
