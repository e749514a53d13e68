package dk.qnet.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MunicipalitiesTest {

    @Test
    void allNinetyEightMunicipalitiesAreKnownByTheirCode() {
        assertEquals(98, Municipalities.all().size());
        assertEquals("København", Municipalities.byCode("0101").orElseThrow().name());
        assertTrue(Municipalities.isValid("0461"));
        assertFalse(Municipalities.isValid("9999"));
        assertFalse(Municipalities.isValid("101"));
        assertFalse(Municipalities.isValid(null));
    }
}
