package dk.qnet.contracts;

/** The envelope of every event: these headers, the aggregate id as record key, a JSON payload. */
public final class EventHeaders {

    public static final String EVENT_ID = "qnet-event-id";
    public static final String EVENT_TYPE = "qnet-event-type";
    public static final String OCCURRED_AT = "qnet-occurred-at";
    public static final String SCHEMA_VERSION = "qnet-schema-version";
    /**
     * The W3C trace context of the request that caused the event (optional): written with the
     * event in the outbox, so one referral is one trace from the shelter's POST to every
     * consumer's commit. Random ids only, never personal data.
     */
    public static final String TRACEPARENT = "traceparent";

    private EventHeaders() {
    }
}
