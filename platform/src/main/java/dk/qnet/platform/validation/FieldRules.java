package dk.qnet.platform.validation;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The field rules several services share, so a phone number is valid or not in one place. */
public final class FieldRules {

    public static final int MAX_EMAIL = 254;
    /** A phone number as typed: +45 and 8 digits, with room for spaces between them. */
    public static final int MAX_PHONE = 20;

    private static final Pattern DANISH_PHONE = Pattern.compile("\\+45[0-9]{8}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private FieldRules() {
    }

    /** The phone as stored: spaces removed, so "+45 12 34 56 78" and "+4512345678" are one number. */
    public static String normalisePhone(String phone) {
        return phone == null ? null : phone.replace(" ", "");
    }

    /** +45 and 8 digits, spaces allowed. */
    public static boolean isDanishPhone(String phone) {
        return phone != null && phone.length() <= MAX_PHONE && DANISH_PHONE.matcher(normalisePhone(phone)).matches();
    }

    public static boolean isEmail(String email) {
        return email != null && email.length() <= MAX_EMAIL && EMAIL.matcher(email).matches();
    }

    /** An ISO 639-1 code in lower case, such as da. */
    public static boolean isLanguage(String code) {
        return code != null && LANGUAGES.contains(code);
    }

    /** Control characters other than line breaks and tabs. */
    public static boolean hasControlCharacters(String text) {
        return text != null && CONTROL.matcher(text).find();
    }
}
