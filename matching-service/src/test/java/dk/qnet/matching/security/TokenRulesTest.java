package dk.qnet.matching.security;

import dk.qnet.testing.TestTokens;
import dk.qnet.testing.TokenRules;
import io.quarkus.test.junit.QuarkusTest;

/** The shared token rules, on /api/v1/volunteers. */
@QuarkusTest
class TokenRulesTest extends TokenRules {

    TokenRulesTest() {
        super("/api/v1/volunteers", () -> TestTokens.coordinator("net-odense"), "shelter");
    }
}
