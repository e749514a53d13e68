package dk.qnet.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail. It carries no stack trace, no class name and no personal data:
 * {@code detail} is always written by our code, never copied from an exception or the request.
 * {@code instance} names one occurrence: for a server error, the error id in the service's log
 * ({@code urn:uuid:...}), so a shelter can quote it and the operator find the line.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors, String instance, Object current) {

    public Problem(String type, String title, int status, String detail, List<FieldError> errors) {
        this(type, title, status, detail, errors, null, null);
    }

    public Problem(String type, String title, int status, String detail, List<FieldError> errors, String instance) {
        this(type, title, status, detail, errors, instance, null);
    }

    /**
     * This problem with the current state of what the request conflicted with (a 409's
     * {@code current} member), so that a client can correct its request without another read.
     */
    public Problem withCurrent(Object state) {
        return new Problem(type, title, status, detail, errors, instance, state);
    }

    /** This problem as one logged occurrence. */
    public Problem occurrence(String errorId) {
        return new Problem(type, title, status, detail + " Quote error id " + errorId + " if you contact us.", errors, "urn:uuid:" + errorId, current);
    }

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);
    private static final String TYPE_BASE = "https://qnet.rodekors.dk/problems/";

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, List.of());
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem(TYPE_BASE + "invalid-request", "Invalid request", 400, detail, List.copyOf(errors));
    }

    /** This problem as the JSON of its answer, for code that writes an answer before JAX-RS does (the router). */
    public String toJson(com.fasterxml.jackson.databind.ObjectMapper json) {
        try {
            return json.writeValueAsString(this);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "{\"status\":" + status + "}";
        }
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }

    /** A problem for a bare HTTP status, such as an unknown path or a wrong method. */
    public static Problem forStatus(int status) {
        return switch (status) {
            case 400 -> of(400, "bad-request", "Bad request", "The request could not be understood.");
            case 401 -> of(401, "unauthorized", "Unauthorized", "A valid bearer token is required.");
            case 403 -> of(403, "forbidden", "Forbidden", "Your role does not allow this.");
            case 404 -> of(404, "not-found", "Not found", "No such resource.");
            case 405 -> of(405, "method-not-allowed", "Method not allowed", "This resource does not support that method.");
            case 406 -> of(406, "not-acceptable", "Not acceptable", "This resource cannot produce the media type asked for.");
            case 409 -> of(409, "conflict", "Conflict", "The request conflicts with the resource's current state.");
            case 412 -> of(412, "precondition-failed", "Precondition failed",
                    "The record changed since you read it (If-Match). Read it again; nothing was changed.");
            case 413 -> of(413, "payload-too-large", "Payload too large", "The request body is larger than allowed.");
            case 415 -> of(415, "unsupported-media-type", "Unsupported media type", "Send the body as application/json.");
            case 422 -> of(422, "unprocessable", "Unprocessable request", "The request cannot be processed.");
            case 429 -> of(429, "too-many-requests", "Too many requests", "Slow down and retry later.");
            default -> status >= 500
                    ? of(status, "server-error", "Server error", "The request failed on our side. Nothing was changed.")
                    : of(status, "client-error", "Client error", "The request was not accepted.");
        };
    }
}
