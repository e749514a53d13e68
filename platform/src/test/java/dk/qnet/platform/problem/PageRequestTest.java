package dk.qnet.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.qnet.platform.paging.Page;
import dk.qnet.platform.paging.PageRequest;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void theDefaultsAreTheFirstPageOfFifty() {
        PageRequest request = PageRequest.of((String) null, null);
        assertEquals(new PageRequest(0, 50), request);
        assertEquals(0, request.offset());
        assertEquals(new PageRequest(0, 20), PageRequest.of(null, "", 20), "a list with a smaller largest page defaults to it");
        assertEquals(new PageRequest(3, 7), PageRequest.of("3", "7"));
    }

    @Test
    void aPageOutsideTheBoundsIsABadRequestNamingTheParameter() {
        for (String[] bad : new String[][] {{"-1", "10"}, {"100001", "10"}, {"x", "10"}, {"1.5", "10"}, {"9999999999", "10"},
                {"0", "0"}, {"0", "201"}, {"0", "ten"}, {"0", " 5"}}) {
            ProblemException e = assertThrows(ProblemException.class, () -> PageRequest.of(bad[0], bad[1]), String.join(",", bad));
            assertEquals(400, e.problem().status());
            assertEquals(bad[1].equals("10") ? "page" : "size", e.problem().errors().get(0).field(), String.join(",", bad));
        }
    }

    @Test
    void aSliceOfAHeldListHasItsTotal() {
        List<Integer> all = IntStream.range(0, 7).boxed().toList();
        Page<Integer> second = PageRequest.of("1", "3").slice(all);
        assertEquals(List.of(3, 4, 5), second.items());
        assertEquals(7, second.total());
        assertEquals(List.of(6), PageRequest.of("2", "3").slice(all).items());
        assertEquals(List.of(), PageRequest.of("5", "3").slice(all).items());
        assertEquals(List.of("3", "4", "5"), second.map(String::valueOf).items());
    }
}
