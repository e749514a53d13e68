package dk.qnet.platform.problem;

import java.util.List;
import java.util.Map;

/** Thrown by services to answer with a specific problem, and any headers it needs. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.title(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(Problem.of(429, "too-many-requests", "Too many requests", detail),
                Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
    }

    /** 404 for anything the caller may not see, so existence is neither confirmed nor denied. */
    public static ProblemException notFound() {
        return new ProblemException(Problem.forStatus(404));
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.invalid("The request has an invalid field.", List.of(new FieldError(field, message))));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "conflict", "Conflict", detail));
    }

    /** 412: the record changed since the caller read it (If-Match); read it again and decide anew. */
    public static ProblemException preconditionFailed() {
        return new ProblemException(Problem.forStatus(412));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
    }
}
