package dk.qnet.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    final List<String> logged = new ArrayList<>();
    final Logger log = Logger.getLogger(ProblemMappers.class.getName());
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            Object[] params = record.getParameters();
            logged.add(params == null ? record.getMessage() : String.format(record.getMessage().replace("{0}", "%s"), params));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        log.addHandler(capture);
    }

    @AfterEach
    void stop() {
        log.removeHandler(capture);
    }

    @Test
    void aServerErrorCarriesTheIdOfItsLogLineAndNothingOfTheMessage() {
        Response response = new ProblemMappers().unexpected(new IllegalStateException("Jensen 12345678 Vestergade 4"));
        assertEquals(500, response.getStatus());
        Problem problem = (Problem) response.getEntity();
        Matcher id = Pattern.compile("urn:uuid:([0-9a-f-]{36})").matcher(String.valueOf(problem.instance()));
        assertTrue(id.matches(), "instance: " + problem.instance());
        assertTrue(problem.detail().contains(id.group(1)), "the detail tells the id to quote: " + problem.detail());
        String all = String.join("\n", logged);
        assertTrue(all.contains(id.group(1)), "the log line has the same id: " + all);
        assertTrue(all.contains("java.lang.IllegalStateException"), all);
        assertFalse(all.contains("Jensen") || all.contains("12345678") || problem.detail().contains("Jensen"), "no message is copied: " + all);
    }

    @Test
    void aClientErrorNamesNoOccurrence() {
        assertNull(Problem.forStatus(404).instance());
        assertNull(Problem.invalid("x", List.of()).instance());
    }

    @PageResource
    static class SomePages {
    }

    static class SomeApi {
    }

    @Test
    void theResourcesKindDecidesAndWithoutOneWhatTheRequestAccepts() {
        List<jakarta.ws.rs.core.MediaType> browser = List.of(jakarta.ws.rs.core.MediaType.TEXT_HTML_TYPE,
                jakarta.ws.rs.core.MediaType.valueOf("application/xhtml+xml"), jakarta.ws.rs.core.MediaType.WILDCARD_TYPE);
        List<jakarta.ws.rs.core.MediaType> client = List.of(jakarta.ws.rs.core.MediaType.WILDCARD_TYPE);
        assertTrue(ProblemMappers.forPeople(SomePages.class, client), "a page's error is a page, whatever is accepted");
        assertFalse(ProblemMappers.forPeople(SomeApi.class, browser), "an operation's error is problem+json, even for a browser");
        assertTrue(ProblemMappers.forPeople(null, browser), "no resource: a browser's navigation gets a page");
        assertFalse(ProblemMappers.forPeople(null, client), "no resource: */* is a client");
        assertFalse(ProblemMappers.forPeople(null, List.of(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)));
    }
}
