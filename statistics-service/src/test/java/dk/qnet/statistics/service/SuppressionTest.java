package dk.qnet.statistics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SuppressionTest {

    private final Suppression suppression = new Suppression(5);

    @Test
    void countsFromOneToBelowTheThresholdAreNeverShownAsNumbers() {
        for (long n = 1; n < 5; n++) {
            assertTrue(suppression.suppresses(n));
            assertEquals("<5", suppression.display(n));
        }
    }

    @Test
    void zeroAndCountsAtOrAboveTheThresholdAreShown() {
        assertFalse(suppression.suppresses(0));
        assertEquals("0", suppression.display(0));
        assertEquals("5", suppression.display(5));
        assertEquals("812", suppression.display(812));
    }

    @Test
    void aThresholdBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Suppression(0));
    }
}
