package dk.qnet.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

/**
 * Checks a request body against the Bean Validation annotations of its record (the same ones
 * the OpenAPI document is generated from), so a bound is written once. The caller adds the rules
 * annotations cannot state (a date relative to today, one field depending on another) and answers
 * every invalid field in one 400.
 */
@ApplicationScoped
public class RequestRules {

    private final Validator validator;

    public RequestRules(Validator validator) {
        this.validator = validator;
    }

    /** The body's invalid fields; a missing body is one error on "body". */
    public FieldErrors check(Object body) {
        if (body == null) {
            return new FieldErrors().add("body", "a JSON object is required");
        }
        return FieldErrors.of(validator.validate(body));
    }
}
