package dk.qnet.statistics.security;

import dk.qnet.testing.TestTokens;
import dk.qnet.testing.TokenRules;
import io.quarkus.test.junit.QuarkusTest;

/** The shared token rules, on /api/v1/statistics/kpis?year=2026. */
@QuarkusTest
class TokenRulesTest extends TokenRules {

    TokenRulesTest() {
        super("/api/v1/statistics/kpis?year=2026", () -> TestTokens.analyst(), "coordinator");
    }
}
