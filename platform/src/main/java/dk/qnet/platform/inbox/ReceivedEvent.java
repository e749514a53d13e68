package dk.qnet.platform.inbox;

import dk.qnet.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/** A consumed event, its envelope checked and its payload read into the contract type. */
public record ReceivedEvent<T>(UUID eventId, EventType type, Instant occurredAt, String key, T payload) {
}
