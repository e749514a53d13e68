package dk.qnet.activity.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Another feature's events for the calendar feeds (the group courses' sessions), so this package
 * needs to know nothing of them: the network's feed takes its entries, and a link this package
 * does not know may be one of the source's own.
 */
public interface CalendarSource {

    /** The source's events in the network's feed. */
    List<IcsWriter.Entry> entriesOfNetwork(String networkId);

    /** The feed behind a link the source issued (by the link's hash), if it was made after {@code madeAfter}. */
    Optional<String> feedOf(String tokenHash, Instant madeAfter);
}
