package dk.qnet.referral.rest;

import dk.qnet.contracts.referral.ConsentScope;
import dk.qnet.referral.ConsentMethod;
import java.time.Instant;
import java.util.List;

/** The body of POST /api/v1/referrals. The sender comes from the token, never from here. */
public record NewReferral(String municipalityCode, List<Child> children, Consent consent) {

    public record Child(Integer birthYear) {
    }

    public record Consent(List<ConsentScope> scopes, Instant givenAt, ConsentMethod method) {
    }
}
