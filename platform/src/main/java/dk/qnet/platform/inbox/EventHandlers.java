package dk.qnet.platform.inbox;

import dk.qnet.contracts.EventType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The event types one consumer applies, each with its handler. Other types are skipped. */
public final class EventHandlers {

    private final String consumer;
    private final Map<EventType, Consumer<ReceivedEvent<?>>> handlers = new EnumMap<>(EventType.class);

    private EventHandlers(String consumer) {
        this.consumer = consumer;
    }

    /** {@code consumer} names the inbox rows; keep it stable across releases. */
    public static EventHandlers forConsumer(String consumer) {
        return new EventHandlers(consumer);
    }

    @SuppressWarnings("unchecked")
    public <T> EventHandlers on(Class<T> payloadType, Consumer<ReceivedEvent<T>> handler) {
        handlers.put(EventType.of(payloadType), event -> handler.accept((ReceivedEvent<T>) event));
        return this;
    }

    public String consumer() {
        return consumer;
    }

    Optional<Consumer<ReceivedEvent<?>>> handlerFor(EventType type) {
        return Optional.ofNullable(handlers.get(type));
    }
}
