package dk.qnet.platform.inbox;

/**
 * A record that can't be read as an event of our contracts. Its message becomes the reason on the
 * dead-letter topic, so it names what is wrong and never quotes the record.
 */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String reason) {
        super(reason, null, false, false);
    }
}
