package dk.qnet.contracts.referral;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A referral was received. Carries only pseudonymous ids and attributes that identify nobody:
 * never a name, a phone number, an address or free text.
 *
 * @param networkId null while no network covers the municipality (the referral is unrouted)
 */
public record ReferralReceived(
        UUID referralId,
        Instant receivedAt,
        String municipalityCode,
        String networkId,
        SenderType senderType,
        List<Integer> childrenBirthYears,
        List<ConsentScope> consentScopes,
        MatchingProfile matching) {

    public ReferralReceived {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        Objects.requireNonNull(senderType, "senderType");
        childrenBirthYears = childrenBirthYears == null ? List.of() : List.copyOf(childrenBirthYears);
        consentScopes = consentScopes == null ? List.of() : List.copyOf(consentScopes);
        matching = matching == null ? new MatchingProfile(List.of(), List.of(), List.of(), null, List.of()) : matching;
    }
}
