package dk.qnet.referral.security;

import dk.qnet.testing.TestTokens;
import dk.qnet.testing.TokenRules;
import io.quarkus.test.junit.QuarkusTest;

/** The shared token rules, on /api/v1/referrals. */
@QuarkusTest
class TokenRulesTest extends TokenRules {

    TokenRulesTest() {
        super("/api/v1/referrals", () -> TestTokens.shelter("shelter-tokens"), "analyst");
    }
}
