package dk.qnet.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.qnet.contracts.referral.ReferralStatusChanged;
import dk.qnet.contracts.referral.ReferralReceived;
import dk.qnet.contracts.volunteer.VolunteerStatusChanged;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Statuses are typed; one a reader does not know yet reads as UNKNOWN instead of dead-lettering the event. */
class StatusFallbackTest {

    @Test
    void aKnownReferralStatusReadsAsItsValue() throws IOException {
        ReferralStatusChanged e = EventJson.read(EventJson.sample(EventType.REFERRAL_STATUS_CHANGED), ReferralStatusChanged.class);
        assertEquals(ReferralStatusChanged.Status.valueOf(
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(EventJson.sample(EventType.REFERRAL_STATUS_CHANGED))
                        .get("status").asText()), e.status());
    }

    @Test
    void aReferralStatusNewerThanTheReaderReadsAsUnknown() throws IOException {
        String json = EventJson.sample(EventType.REFERRAL_STATUS_CHANGED).replaceFirst("\"status\"\\s*:\\s*\"[A-Z_]+\"", "\"status\":\"ON_HOLD_AT_MUNICIPALITY\"");
        assertEquals(ReferralStatusChanged.Status.UNKNOWN, EventJson.read(json, ReferralStatusChanged.class).status());
    }

    @Test
    void aVolunteerStatusNewerThanTheReaderReadsAsUnknown() throws IOException {
        String json = EventJson.sample(EventType.VOLUNTEER_STATUS_CHANGED)
                .replaceFirst("\"status\"\\s*:\\s*\"[A-Z_]+\"", "\"status\":\"ON_LEAVE\"")
                .replaceFirst("\"previousStatus\"\\s*:\\s*\"[A-Z_]+\"", "\"previousStatus\":\"RETIRED\"");
        VolunteerStatusChanged e = EventJson.read(json, VolunteerStatusChanged.class);
        assertEquals(VolunteerStatusChanged.Status.UNKNOWN, e.status());
        assertEquals(VolunteerStatusChanged.Status.UNKNOWN, e.previousStatus());
    }

    @Test
    void anEnumWithoutADefaultStillRefusesAnUnknownValue() {
        String json = EventJson.sample(EventType.REFERRAL_RECEIVED).replaceFirst("\"senderType\"\\s*:\\s*\"[A-Z_]+\"", "\"senderType\":\"NOBODY\"");
        assertThrows(IOException.class, () -> EventJson.read(json, ReferralReceived.class));
    }
}
