package dk.qnet.contracts;

/** Bounds that several services and the contract share, so the validators and the OpenAPI documents say the same. */
public final class Limits {

    /** A list of codes (needs, interests, availability slots, consent scopes): at most this many. */
    public static final int MAX_CODES = 50;
    /** Languages of a woman or a volunteer, as ISO 639-1 codes. */
    public static final int MAX_LANGUAGES = 10;
    /** An ISO 639-1 code: two lower-case letters. */
    public static final int LANGUAGE_CODE_LENGTH = 2;
    /** A Danish municipality's code: four digits (Municipalities). */
    public static final int MUNICIPALITY_CODE_LENGTH = 4;

    private Limits() {
    }
}
