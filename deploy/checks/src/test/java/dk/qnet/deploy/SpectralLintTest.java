package dk.qnet.deploy;

import static dk.qnet.deploy.DeploymentChecksTest.SERVICES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract passes an off-the-shelf linter: Spectral with its OpenAPI rules and the OWASP API
 * Security ruleset (pinned in src/test/spectral/package-lock.json, installed from the npm registry
 * with {@code npm ci} into ~/.cache/qnet, as axe-core is cached) finds no error in any service's
 * build-time OpenAPI document. The exceptions are in src/test/spectral/ruleset.yaml, each with its
 * reason.
 */
class SpectralLintTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static Path root;
    static Path spectral;
    static Path installation;

    @BeforeAll
    static void install() throws IOException, InterruptedException {
        root = Path.of(System.getProperty("qnet.project.root", "../..")).toAbsolutePath().normalize();
        Path sources = root.resolve("deploy/checks/src/test/spectral");
        byte[] lock = Files.readAllBytes(sources.resolve("package-lock.json"));
        installation = Path.of(System.getProperty("user.home"), ".cache", "qnet", "spectral-" + sha256(lock).substring(0, 16));
        spectral = installation.resolve("node_modules/.bin/spectral");
        if (!Files.isExecutable(spectral)) {
            Files.createDirectories(installation);
            Files.copy(sources.resolve("package.json"), installation.resolve("package.json"), StandardCopyOption.REPLACE_EXISTING);
            Files.write(installation.resolve("package-lock.json"), lock);
            // Exactly the locked versions, checked against the lock's integrity hashes; no install scripts.
            Result npm = run(installation, 600, "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error");
            assertEquals(0, npm.exit(), "npm ci of Spectral failed (npm and Node.js are needed; the npm registry must be reachable):\n" + npm.output());
        }
        // The ruleset names the OWASP package, which Spectral resolves beside the ruleset file.
        Files.copy(sources.resolve("ruleset.yaml"), installation.resolve("ruleset.yaml"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theFourContractsHaveNoError() throws IOException, InterruptedException {
        List<String> errors = new ArrayList<>();
        int warnings = 0;
        for (String service : SERVICES) {
            Path doc = root.resolve(service + "/target/openapi/openapi.json");
            assertTrue(Files.exists(doc), doc + " is written by the service's build (run the build first: ./mvnw install)");
            for (JsonNode finding : lint(doc)) {
                if (finding.path("severity").asInt() == 0) {
                    errors.add(service + " " + finding.path("code").asText() + " at " + pointer(finding.path("path")) + ": "
                            + finding.path("message").asText());
                } else {
                    warnings++;
                }
            }
        }
        assertTrue(errors.isEmpty(), errors.size() + " Spectral errors (and " + warnings + " warnings):\n" + String.join("\n", errors));
    }

    /** The harness finds what the rules forbid: a document with the faults they were written for fails. */
    @Test
    void aDocumentWithoutLimitsFails() throws IOException, InterruptedException {
        Path doc = Files.createTempFile("unbounded-", ".json");
        try {
            Files.writeString(doc, """
                    {"openapi": "3.1.0", "info": {"title": "unbounded", "version": "1"},
                     "servers": [{"url": "http://example.org", "description": "production"}],
                     "paths": {"/api/v1/things": {"get": {"operationId": "things", "description": "x", "tags": [],
                       "parameters": [{"name": "q", "in": "query", "schema": {"type": "string"}}],
                       "responses": {"200": {"description": "ok", "content": {"application/json":
                         {"schema": {"type": "array", "items": {"type": "integer"}}}}}}}}}}
                    """);
            List<String> codes = new ArrayList<>();
            for (JsonNode finding : lint(doc)) {
                if (finding.path("severity").asInt() == 0) {
                    codes.add(finding.path("code").asText());
                }
            }
            for (String expected : List.of("owasp:api4:2023-string-limit", "owasp:api4:2023-array-limit",
                    "owasp:api4:2023-integer-limit", "owasp:api4:2023-rate-limit", "owasp:api8:2023-no-server-http")) {
                assertTrue(codes.contains(expected), expected + " in " + codes);
            }
        } finally {
            Files.deleteIfExists(doc);
        }
    }

    static List<JsonNode> lint(Path document) throws IOException, InterruptedException {
        Result lint = run(installation, 300, spectral.toString(), "lint", "--ruleset", "ruleset.yaml", "--format", "json",
                "--quiet", document.toString());
        // Spectral exits 1 when it finds an error; its findings are the JSON array on standard output.
        int start = lint.output().indexOf('[');
        assertTrue(start >= 0 && (lint.exit() == 0 || lint.exit() == 1), "Spectral did not run (exit " + lint.exit() + "):\n" + lint.output());
        List<JsonNode> findings = new ArrayList<>();
        JSON.readTree(lint.output().substring(start)).forEach(findings::add);
        return findings;
    }

    static String pointer(JsonNode path) {
        List<String> parts = new ArrayList<>();
        path.forEach(p -> parts.add(p.asText()));
        return String.join("/", parts);
    }

    record Result(int exit, String output) {
    }

    static Result run(Path dir, int seconds, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("spectral-", ".out");
        try {
            // npm's complaints come on standard error; Spectral's findings alone on standard output.
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile());
            if (command[0].equals("npm")) {
                builder.redirectErrorStream(true);
            } else {
                builder.redirectError(ProcessBuilder.Redirect.DISCARD);
            }
            Process process = builder.start();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " ran past " + seconds + " s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
