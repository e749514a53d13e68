package dk.qnet.statistics.publish;

import jakarta.enterprise.context.RequestScoped;

/**
 * Whether this request asked for figures computed afresh from the aggregates, bypassing
 * {@link PublishedCache}: {@code Cache-Control: no-cache} from an analyst or admin. Used to
 * measure the cost of the uncached path, and to check the cache against it.
 */
@RequestScoped
public class FreshRequest {

    private boolean requested;

    public boolean requested() {
        return requested;
    }

    public void request() {
        requested = true;
    }
}
