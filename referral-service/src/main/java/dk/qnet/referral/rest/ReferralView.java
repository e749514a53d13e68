package dk.qnet.referral.rest;

import dk.qnet.contracts.referral.ConsentScope;
import dk.qnet.contracts.referral.SenderType;
import dk.qnet.referral.ConsentMethod;
import dk.qnet.referral.Referral;
import dk.qnet.referral.ReferralStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A referral as its sender sees it. */
public record ReferralView(
        UUID id,
        ReferralStatus status,
        String municipalityCode,
        String networkId,
        boolean unrouted,
        SenderType senderType,
        List<Integer> childrenBirthYears,
        ConsentView consent,
        Instant receivedAt,
        Instant updatedAt) {

    public record ConsentView(List<ConsentScope> scopes, Instant givenAt, ConsentMethod method) {
    }

    public static ReferralView of(Referral r) {
        return new ReferralView(r.id, r.status, r.municipalityCode, r.networkId, r.unrouted, r.senderType,
                r.childrenBirthYears, new ConsentView(r.consentScopes, r.consentGivenAt, r.consentMethod),
                r.receivedAt, r.updatedAt);
    }
}
