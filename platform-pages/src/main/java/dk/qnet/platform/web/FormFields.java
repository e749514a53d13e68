package dk.qnet.platform.web;

import dk.qnet.platform.problem.ProblemException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A posted form's fields read as the API's types: blank is absent, anything unreadable a 400 naming the field. */
public final class FormFields {

    private FormFields() {
    }

    public static Integer number(MultivaluedMap<String, String> form, String field) {
        String v = form.getFirst(field);
        try {
            return v == null || v.isBlank() ? null : Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "must be a whole number");
        }
    }

    public static LocalDate date(MultivaluedMap<String, String> form, String field) {
        String v = form.getFirst(field);
        try {
            return v == null || v.isBlank() ? null : LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date such as 2026-11-23");
        }
    }

    public static <E extends Enum<E>> E choice(Class<E> type, MultivaluedMap<String, String> form, String field) {
        String v = form.getFirst(field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "is not one of the choices");
        }
    }

    public static String text(MultivaluedMap<String, String> form, String field) {
        String v = form.getFirst(field);
        return v == null || v.isBlank() ? null : v;
    }
}
