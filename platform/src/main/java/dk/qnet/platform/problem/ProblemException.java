package dk.qnet.platform.problem;

import java.util.List;

/** Thrown by services to answer with a specific problem. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
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

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
    }
}
