package dk.qnet.referral.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.qnet.contracts.referral.SenderType;
import dk.qnet.referral.Referral;
import dk.qnet.referral.ReferralStatus;
import dk.qnet.referral.StatusReason;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every Bundle the FHIR view can answer, in every status and for both kinds of caller, is valid FHIR R4. */
class FhirBundleValidityTest {

    static Referral referral(ReferralStatus status, StatusReason reason, String network) {
        Referral r = new Referral();
        r.id = UUID.randomUUID();
        r.status = status;
        r.statusReason = reason;
        r.municipalityCode = "0461";
        r.networkId = network;
        r.senderType = SenderType.SHELTER;
        r.receivedAt = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        r.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return r;
    }

    @Test
    void everyBundleValidates() {
        FhirReferralMapper mapper = new FhirReferralMapper();
        List<String> errors = new ArrayList<>();
        for (ReferralStatus status : ReferralStatus.values()) {
            StatusReason reason = switch (status) {
                case REJECTED -> StatusReason.values()[0];
                case CLOSED -> StatusReason.MATCH_ENDED;
                default -> null;
            };
            for (String network : new String[] {"net-odense", null}) {
                for (boolean statusOnly : new boolean[] {false, true}) {
                    com.fasterxml.jackson.databind.node.ObjectNode node = mapper.bundle(referral(status, reason, network), statusOnly);
                    if (!statusOnly) {
                        // The Task's focus resolves inside the Bundle: it is the ServiceRequest entry's fullUrl.
                        assertEquals(node.path("entry").path(0).path("fullUrl").asText(),
                                node.path("entry").path(1).path("resource").path("focus").path("reference").asText());
                    }
                    String bundle = node.toString();
                    FhirValidation.errors(bundle).forEach(e -> errors.add(status + (statusOnly ? " (status only)" : "") + ": " + e));
                }
            }
        }
        assertEquals(List.of(), errors);
    }
}
