package dk.qnet.matching.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.qnet.contracts.volunteer.VolunteerStatusChanged;
import org.junit.jupiter.api.Test;

class VolunteerStatusContractTest {

    @Test
    void everyStatusTravelsAsTheContractsStatusOfTheSameName() {
        for (VolunteerProfile.Status status : VolunteerProfile.Status.values()) {
            assertEquals(status.name(), VolunteerStatusChanged.Status.valueOf(status.name()).name());
        }
        assertEquals(VolunteerProfile.Status.values().length + 1, VolunteerStatusChanged.Status.values().length,
                "the contract has every status and UNKNOWN, nothing else");
    }
}
