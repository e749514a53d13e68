package dk.qnet.platform.problem;

/** One invalid field of a request: where it is and what is wrong, never the value sent. */
public record FieldError(String field, String message) {
}
