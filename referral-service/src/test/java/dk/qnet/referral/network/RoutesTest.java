package dk.qnet.referral.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoutesTest {

    static final Map<String, String> SEED = Map.of("0461", "net-odense", "0851", "net-aalborg");

    static Routes.Network network(String id, boolean active, String... codes) {
        return new Routes.Network(id, active, List.of(codes));
    }

    @Test
    void nothingArrivedTheSeedAnswers() {
        Routes routes = Routes.of(List.of(), SEED);
        assertEquals(Optional.of("net-odense"), routes.networkFor("0461"));
        assertEquals(Optional.empty(), routes.networkFor("0101"));
    }

    @Test
    void theSeedAnswersUntilEverySeededNetworkIsKnownActiveOrNot() {
        Routes oneArrived = Routes.of(List.of(network("net-aalborg", true, "0851")), SEED);
        assertEquals(Optional.of("net-odense"), oneArrived.networkFor("0461"), "Odense not yet known: the seed");
        Routes bothKnown = Routes.of(List.of(network("net-aalborg", true, "0851"), network("net-odense", false, "0461")), SEED);
        assertEquals(Optional.empty(), bothKnown.networkFor("0461"), "every seeded network known: the table decides");
    }

    @Test
    void theFirstActiveNetworkByIdCovers() {
        Routes routes = Routes.of(List.of(network("net-b", true, "0479"), network("net-a", true, "0479", "0480"),
                network("net-0", false, "0479")), Map.of());
        assertEquals(Optional.of("net-a"), routes.networkFor("0479"));
        assertEquals(Optional.of("net-a"), routes.networkFor("0480"));
        assertEquals(Optional.empty(), routes.networkFor("0101"));
    }
}
