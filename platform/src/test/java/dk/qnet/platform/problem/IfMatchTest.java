package dk.qnet.platform.problem;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IfMatchTest {

    @Test
    void withoutAPreconditionEveryVersionPasses() {
        for (String header : new String[] {null, "", "  ", "*"}) {
            assertDoesNotThrow(() -> IfMatch.parse(header).check(42));
        }
    }

    @Test
    void onlyANamedVersionPasses() {
        assertDoesNotThrow(() -> IfMatch.parse("\"7\"").check(7));
        assertDoesNotThrow(() -> IfMatch.parse("\"6\", \"7\"").check(7));
        ProblemException stale = assertThrows(ProblemException.class, () -> IfMatch.parse("\"6\"").check(7));
        assertEquals(412, stale.problem().status());
        assertEquals("\"7\"", IfMatch.etagOf(7));
    }

    @Test
    void aTagThisApiNeverGivesIsABadRequestNamingTheHeader() {
        for (String header : new String[] {"7", "W/\"7\"", "\"7", "\"-1\"", "\"x\"", "\"99999999999999999999\"", "\"7\",", "\"" + "1".repeat(30) + "\""}) {
            ProblemException bad = assertThrows(ProblemException.class, () -> IfMatch.parse(header), header);
            assertEquals(400, bad.problem().status(), header);
            assertEquals("If-Match", bad.problem().errors().get(0).field(), header);
        }
    }

    @Test
    void aHeaderIsBoundedByItsDocumentedLength() {
        String twenty = String.join(", ", java.util.Collections.nCopies(IfMatch.MAX_TAGS, "\"" + "9".repeat(18) + "\""));
        assertDoesNotThrow(() -> IfMatch.parse(twenty).check(999_999_999_999_999_999L));
        ProblemException tooMany = assertThrows(ProblemException.class, () -> IfMatch.parse(twenty + ", \"1\""));
        assertEquals("If-Match", tooMany.problem().errors().get(0).field());
    }
}
