package dk.qnet.platform.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StateMachineTest {

    enum Light { RED, GREEN, YELLOW, OFF }

    static final StateMachine<Light> LIGHTS = StateMachine.of(Light.class)
            .from(Light.RED, Light.GREEN, Light.OFF)
            .from(Light.GREEN, Light.YELLOW)
            .from(Light.YELLOW, Light.RED)
            .from(Light.GREEN, Light.OFF)
            .build();

    @Test
    void onlyTheGivenStepsAreAllowed() {
        assertTrue(LIGHTS.allows(Light.RED, Light.GREEN));
        assertFalse(LIGHTS.allows(Light.GREEN, Light.RED));
        assertFalse(LIGHTS.allows(Light.RED, Light.RED));
        assertEquals(EnumSet.of(Light.YELLOW, Light.OFF), LIGHTS.next(Light.GREEN), "steps from one status add up");
    }

    @Test
    void aStatusWithoutStepsIsFinalAndItsNextIsEmptyAndOwnedByTheCaller() {
        assertTrue(LIGHTS.isFinal(Light.OFF));
        assertFalse(LIGHTS.isFinal(Light.YELLOW));
        Set<Light> none = LIGHTS.next(Light.OFF);
        assertTrue(none.isEmpty());
        none.add(Light.RED);
        assertFalse(LIGHTS.allows(Light.OFF, Light.RED), "a caller's copy changes nothing");
        LIGHTS.next(Light.RED).clear();
        assertTrue(LIGHTS.allows(Light.RED, Light.GREEN));
    }
}
