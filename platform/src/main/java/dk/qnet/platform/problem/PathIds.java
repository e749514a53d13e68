package dk.qnet.platform.problem;

import java.util.UUID;

/** Ids taken from a URL path. */
public final class PathIds {

    private PathIds() {
    }

    /** A malformed id is answered like an unknown one: 404, revealing nothing. */
    public static UUID uuidOrNotFound(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound();
        }
    }
}
