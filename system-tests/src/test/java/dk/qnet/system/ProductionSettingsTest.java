package dk.qnet.system;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A service started in production without a secret it needs stops at once and names the missing
 * variable; it never falls back to a default that is written in the repository.
 */
class ProductionSettingsTest {

    static final Path ROOT = Path.of(System.getProperty("qnet.project.root", "..")).toAbsolutePath().normalize();
    static final String KEY = "RDIjml48sKBCeI9C7t207KPniPVCNSeGRGXkk5D7ZAE=";

    record Outcome(int exitCode, String output) {
    }

    static Outcome start(String service, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-jar", ROOT.resolve(service + "/target/quarkus-app/quarkus-run.jar").toString());
        pb.environment().keySet().removeIf(k -> k.startsWith("QNET_") || k.startsWith("QUARKUS_") || k.startsWith("KAFKA_"));
        pb.environment().put("QUARKUS_HTTP_PORT", "0");
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        boolean ended = p.waitFor(90, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(ended, service + " kept running without its secrets:\n" + output);
        return new Outcome(p.exitValue(), output);
    }

    @Test
    void everyServiceWithPagesWithoutThePageSecretsRefusesToStartAndNamesThem() throws Exception {
        Map<String, String> referralKeys = Map.of("QNET_CRYPTO_MASTER_KEY", KEY, "QNET_AUDIT_CHAIN_KEY", KEY);
        for (String missing : List.of("QNET_WEB_CLIENT_SECRET", "QNET_SESSION_ENCRYPTION_SECRET")) {
            Map<String, String> env = new java.util.HashMap<>(referralKeys);
            env.put("QNET_WEB_CLIENT_SECRET", "a-web-secret");
            env.put("QNET_SESSION_ENCRYPTION_SECRET", "a-session-secret-of-at-least-32-characters");
            env.remove(missing);
            Outcome outcome = start("referral-service", env);
            assertNotEquals(0, outcome.exitCode());
            assertTrue(outcome.output().contains(missing), "the message names " + missing + ":\n" + outcome.output());
        }
        for (String service : List.of("matching-service", "activity-service")) {
            Outcome outcome = start(service, Map.of());
            assertNotEquals(0, outcome.exitCode(), service + " started without its secrets");
            for (String missing : List.of("QNET_WEB_CLIENT_SECRET", "QNET_SESSION_ENCRYPTION_SECRET")) {
                assertTrue(outcome.output().contains(missing), service + " names " + missing + ":\n" + outcome.output());
            }
        }
        // statistics-service has no pages (no qnet-platform-pages): it never holds the page secrets, and stops for its own key.
        Outcome statistics = start("statistics-service", Map.of());
        assertNotEquals(0, statistics.exitCode(), "statistics-service started without its pseudonym key");
        assertTrue(statistics.output().contains("qnet.statistics.pseudonym-key"), statistics.output());
        assertFalse(statistics.output().contains("QNET_WEB_CLIENT_SECRET"), statistics.output());
        Outcome noAuditKey = start("referral-service", Map.of("QNET_CRYPTO_MASTER_KEY", KEY, "QNET_WEB_CLIENT_SECRET", "s",
                "QNET_SESSION_ENCRYPTION_SECRET", "a-session-secret-of-at-least-32-characters"));
        assertNotEquals(0, noAuditKey.exitCode());
        assertTrue(noAuditKey.output().contains("qnet.audit.chain-key"), noAuditKey.output());
    }
}
