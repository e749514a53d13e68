package dk.qnet.platform.web;

import dk.qnet.platform.problem.FieldError;
import io.quarkus.qute.TemplateData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form as the user last sent it, with the server's errors per field, so a refused form comes
 * back filled in, each error next to its field. Field names are the API's field paths
 * (woman.phone), so a problem from the service lands on the right input. Error texts are Danish:
 * the bundle's {@code error.<field>} text, or a general one.
 */
@TemplateData
public class FormState {

    private final Map<String, List<String>> values;
    private final Map<String, String> errors = new LinkedHashMap<>();

    public FormState(Map<String, List<String>> values) {
        this.values = values;
    }

    public static FormState empty() {
        return new FormState(Map.of());
    }

    public String value(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() || v.get(0) == null ? "" : v.get(0);
    }

    public boolean has(String name, String value) {
        List<String> v = values.get(name);
        return v != null && v.contains(value);
    }

    public String error(String name) {
        return errors.get(name);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public Map<String, String> getErrors() {
        return errors;
    }

    /** Adds the service's field errors; a field of a list item (children[1].birthYear) keeps its index. */
    public FormState withErrors(List<FieldError> fieldErrors) {
        for (FieldError e : fieldErrors) {
            String field = e.field();
            String general = field.replaceAll("\\[\\d+]", "");
            String text = PageTexts.orElse("error." + field, PageTexts.orElse("error." + general, PageTexts.m("error.field")));
            errors.merge(field, text, (a, b) -> a);
        }
        return this;
    }
}
