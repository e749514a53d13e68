package dk.qnet.activity;

/** Where an activity happens: never a participant's home. */
public enum VenueKind {
    PUBLIC_PLACE,
    NETWORK_PREMISES
}
