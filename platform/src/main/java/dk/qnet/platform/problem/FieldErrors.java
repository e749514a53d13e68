package dk.qnet.platform.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The invalid fields of one request, at most one error per field: the first one added wins, so
 * Bean Validation's findings come first and a rule written in code adds only to fields that are
 * otherwise valid. Messages say what is expected and never repeat the value.
 */
public final class FieldErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    /** Adds the error unless the field has one already. */
    public FieldErrors add(String field, String message) {
        byField.putIfAbsent(field, message);
        return this;
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public List<FieldError> list() {
        return byField.entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue())).toList();
    }

    /** A 400 naming every invalid field of the subject ("The referral has 3 invalid field(s)."), if there is one. */
    public void throwIfAny(String subject) {
        if (!isEmpty()) {
            throw new ProblemException(Problem.invalid(subject + " has " + byField.size() + " invalid field(s).", list()));
        }
    }

    /** Bean Validation's violations, by field; where a field breaks two rules, the one that says most. */
    public static FieldErrors of(Collection<? extends ConstraintViolation<?>> violations) {
        FieldErrors errors = new FieldErrors();
        violations.stream()
                .sorted(Comparator.<ConstraintViolation<?>, String>comparing(FieldErrors::fieldOf).thenComparingInt(FieldErrors::rank))
                .forEach(v -> errors.add(fieldOf(v), messageOf(v)));
        return errors;
    }

    /** The field as the API names it: woman.phone, children[0].birthYear, matching.languages[1]. */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null && field.length() > 0) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    /**
     * The suite's words for the standard constraints; a constraint that states its own message
     * (the suite's own, or a message given on the annotation) keeps it.
     */
    static String messageOf(ConstraintViolation<?> violation) {
        ConstraintDescriptor<?> descriptor = violation.getConstraintDescriptor();
        Annotation constraint = descriptor.getAnnotation();
        if (!violation.getMessageTemplate().startsWith("{jakarta.validation.constraints.")) {
            return violation.getMessage();
        }
        Map<String, Object> a = descriptor.getAttributes();
        if (constraint instanceof NotNull || constraint instanceof NotBlank || constraint instanceof NotEmpty) {
            return "is required";
        }
        if (constraint instanceof Size) {
            int min = (Integer) a.get("min");
            int max = (Integer) a.get("max");
            String unit = violation.getInvalidValue() instanceof CharSequence ? " characters" : " items";
            if (min == max) {
                return "must be " + max + unit;
            }
            return min > 0 ? "must be " + min + " to " + max + unit : "at most " + max + unit;
        }
        if (constraint instanceof Min) {
            return "must be at least " + a.get("value");
        }
        if (constraint instanceof Max) {
            return "must be at most " + a.get("value");
        }
        return violation.getMessage();
    }

    /** Required first, then a rule with words of its own (a Danish phone number), then a bare bound. */
    private static int rank(ConstraintViolation<?> violation) {
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        if (constraint instanceof NotNull || constraint instanceof NotBlank || constraint instanceof NotEmpty) {
            return 0;
        }
        return violation.getMessageTemplate().startsWith("{") ? 2 : 1;
    }
}
