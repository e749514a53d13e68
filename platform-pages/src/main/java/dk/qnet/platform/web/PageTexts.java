package dk.qnet.platform.web;

import io.quarkus.qute.TemplateExtension;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words on the pages, from message bundles: the service's own {@code pages_da.properties}
 * first, then the shared {@code qnet-pages_da.properties}. Danish today; an English bundle
 * ({@code _en}) can follow without touching a template. In templates: {@code {t:m('key')}} and
 * {@code {t:f('key', arg)}}.
 */
@TemplateExtension(namespace = "t")
public final class PageTexts {

    public static final Locale DANISH = Locale.forLanguageTag("da");
    private static final List<String> BUNDLES = List.of("pages", "qnet-pages");

    private PageTexts() {
    }

    /** The text for a key; a missing key shows as itself, so a gap is visible, never fatal. */
    public static String m(String key) {
        for (String name : BUNDLES) {
            try {
                ResourceBundle bundle = ResourceBundle.getBundle(name, DANISH, Thread.currentThread().getContextClassLoader());
                if (bundle.containsKey(key)) {
                    return bundle.getString(key);
                }
            } catch (MissingResourceException e) {
                // this service has no bundle of that name
            }
        }
        return key;
    }

    /** The text for a key, or the fallback when the bundles have none. */
    public static String orElse(String key, String fallback) {
        String text = m(key);
        return text.equals(key) ? fallback : text;
    }

    /** A text with one placeholder, {0}. */
    public static String f(String key, Object arg) {
        return new MessageFormat(m(key), DANISH).format(new Object[] {arg});
    }

    /** A form field's label, the same for every item of a list: label.children.birthYear. */
    public static String label(String field) {
        return m("label." + field.replaceAll("\\[\\d+]", ""));
    }

    /** The form name of a list item's field, as the API names it: children[0].birthYear. */
    public static String item(String list, int index, String field) {
        return list + "[" + index + "]." + field;
    }

    /** The text for key.value, for enum values and codes: {@code {t:of('status', r.status)}}. */
    public static String of(String prefix, Object value) {
        return value == null ? "" : m(prefix + "." + value);
    }
}
