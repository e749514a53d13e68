package dk.qnet.platform.problem;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Optimistic concurrency for an update that two coordinators or a case system may race on. A
 * read answers the record's version as a strong {@code ETag} ({@code "7"}); an update that sends
 * it back in {@code If-Match} is applied only while the record still has that version, checked
 * on the locked row in the update's transaction, and otherwise refused with 412 and nothing
 * changed. Without {@code If-Match} (or with {@code *}) an update applies as before.
 */
public final class IfMatch {

    public static final String HEADER = "If-Match";
    public static final IfMatch NONE = new IfMatch(Set.of());
    /** At most this many tags in one header (a client names the one version it read, rarely more). */
    public static final int MAX_TAGS = 20;
    /** The longest header that can hold {@link #MAX_TAGS} tags of 19 digits, with their quotes and ", ". */
    public static final int MAX_LENGTH = MAX_TAGS * 23;

    private final Set<Long> versions;

    private IfMatch(Set<Long> versions) {
        this.versions = versions;
    }

    /** The header as sent: absent, {@code *}, or a comma-separated list of this API's ETags; anything else is 400. */
    public static IfMatch parse(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return NONE;
        }
        String[] tags = header.split(",", -1);
        if (header.length() > MAX_LENGTH || tags.length > MAX_TAGS) {
            throw ProblemException.invalid(HEADER, "at most " + MAX_TAGS + " ETags");
        }
        Set<Long> versions = new LinkedHashSet<>();
        for (String tag : tags) {
            String t = tag.trim();
            if (t.length() > 22 || !t.matches("\"[0-9]{1,19}\"")) {
                throw ProblemException.invalid(HEADER, "must be an ETag this API answered, such as \"3\" (a weak W/ tag never matches)");
            }
            try {
                versions.add(Long.parseLong(t.substring(1, t.length() - 1)));
            } catch (NumberFormatException e) {
                throw ProblemException.invalid(HEADER, "must be an ETag this API answered, such as \"3\"");
            }
        }
        return new IfMatch(Set.copyOf(versions));
    }

    /** Refuses the update with 412 unless the record still has a version the caller named. */
    public void check(long currentVersion) {
        if (!versions.isEmpty() && !versions.contains(currentVersion)) {
            throw ProblemException.preconditionFailed();
        }
    }

    /** The ETag of a record at this version. */
    public static String etagOf(long version) {
        return "\"" + version + "\"";
    }
}
