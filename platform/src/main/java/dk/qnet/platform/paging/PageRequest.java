package dk.qnet.platform.paging;

import dk.qnet.platform.problem.ProblemException;
import java.util.List;

/**
 * The page a caller asks for with {@code page} (from 0) and {@code size} (from 1 to the list's
 * largest page, default {@link #DEFAULT_SIZE}); anything else is 400 naming the parameter. Every
 * list of the API is bounded this way.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    public static final int MAX_PAGE = 100_000;

    public static PageRequest of(String page, String size) {
        return of(page, size, MAX_SIZE);
    }

    /** The query parameters as sent (text: a JAX-RS integer parameter that is not a number would be a bare 404). */
    public static PageRequest of(String page, String size, int maxSize) {
        return bounded(number("page", page), number("size", size), maxSize);
    }

    private static PageRequest bounded(Integer page, Integer size, int maxSize) {
        int p = page == null ? 0 : page;
        int s = size == null ? Math.min(DEFAULT_SIZE, maxSize) : size;
        if (p < 0 || p > MAX_PAGE) {
            throw ProblemException.invalid("page", "must be from 0 to " + MAX_PAGE);
        }
        if (s < 1 || s > maxSize) {
            throw ProblemException.invalid("size", "must be from 1 to " + maxSize);
        }
        return new PageRequest(p, s);
    }

    private static Integer number(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > 9 || !value.matches("-?[0-9]+")) {
            throw ProblemException.invalid(name, "must be a whole number");
        }
        return Integer.valueOf(value);
    }

    public int offset() {
        return page * size;
    }

    /** This page of a list already held in memory (one bounded by a domain rule, such as an activity's registrations). */
    public <T> Page<T> slice(List<T> all) {
        int from = (int) Math.min((long) offset(), all.size());
        int to = Math.min(from + size, all.size());
        return new Page<>(List.copyOf(all.subList(from, to)), page, size, all.size());
    }

    public <T> Page<T> answer(List<T> items, long total) {
        return new Page<>(List.copyOf(items), page, size, total);
    }
}
