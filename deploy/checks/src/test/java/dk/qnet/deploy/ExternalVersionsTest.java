package dk.qnet.deploy;

import static dk.qnet.deploy.DeploymentChecksTest.kind;
import static dk.qnet.deploy.DeploymentChecksTest.named;
import static dk.qnet.deploy.DeploymentChecksTest.readAll;
import static dk.qnet.deploy.DeploymentChecksTest.root;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One version per external part (Keycloak, Kafka, PostgreSQL), written once as a root pom
 * property: the local stack gets it from the build (qnet-stack.properties), and compose and the
 * Kubernetes manifests must name the same version. No source file writes it again.
 */
class ExternalVersionsTest {

    static String keycloak;
    static String kafka;
    static String postgres;

    @BeforeAll
    static void load() throws IOException {
        DeploymentChecksTest.load();
        String pom = Files.readString(root.resolve("pom.xml"));
        keycloak = property(pom, "keycloak.version");
        kafka = property(pom, "kafka.version");
        postgres = property(pom, "postgres-binaries.version");
    }

    static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">").matcher(pom);
        assertTrue(m.find(), "the root pom has " + name);
        return m.group(1).trim();
    }

    static String major(String version) {
        return version.split("\\.")[0];
    }

    static String tag(String image) {
        return image.substring(image.lastIndexOf(':') + 1);
    }

    @Test
    void theLocalStackGetsTheVersionsFromTheBuild() throws IOException {
        Path built = root.resolve("deploy/local-stack/target/classes/qnet-stack.properties");
        assertTrue(Files.exists(built), built + " is written by the build of deploy/local-stack");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(built)) {
            p.load(r);
        }
        assertEquals(Map.of("keycloak.version", keycloak, "kafka.version", kafka, "postgres.version", postgres), Map.copyOf(toMap(p)));
        assertTrue(Files.readString(root.resolve("deploy/local-stack/pom.xml")).contains("<version>${kafka.version}</version>"),
                "the local broker is the Kafka of kafka.version");
    }

    static Map<String, String> toMap(Properties p) {
        Map<String, String> m = new java.util.TreeMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }

    @Test
    void composeRunsTheSameVersions() throws IOException {
        JsonNode services = readAll(root.resolve("deploy/compose/docker-compose.yml")).get(0).path("services");
        int kafkas = 0;
        int databases = 0;
        for (var s : (Iterable<Map.Entry<String, JsonNode>>) services::fields) {
            String image = s.getValue().path("image").asText();
            if (image.startsWith("quay.io/keycloak/keycloak:")) {
                assertEquals(keycloak, tag(image), s.getKey());
            } else if (image.startsWith("apache/kafka:")) {
                assertEquals(kafka, tag(image), s.getKey());
                kafkas++;
            } else if (image.startsWith("postgres:")) {
                assertEquals(major(postgres), major(tag(image)), s.getKey() + ": the PostgreSQL major version");
                databases++;
            }
        }
        assertTrue(kafkas > 0 && databases == 5, "compose has Kafka and the five databases (four services' and Keycloak's)");
        assertEquals(keycloak, tag(services.path("keycloak").path("image").asText()));
    }

    @Test
    void theManifestsRunTheSameVersions() {
        JsonNode spec = named("Kafka", "qnet-kafka").path("spec").path("kafka");
        assertEquals(kafka, spec.path("version").asText());
        String[] kafkaParts = kafka.split("\\.");
        assertTrue(spec.path("metadataVersion").asText().startsWith(kafkaParts[0] + "." + kafkaParts[1] + "-"), "metadata version of " + kafka);
        assertEquals("quay.io/keycloak/keycloak:" + keycloak, named("Keycloak", "qnet-keycloak").path("spec").path("image").asText(),
                "the Keycloak CR pins the image, so the operator's own default cannot drift");
        List<JsonNode> clusters = kind("Cluster");
        assertEquals(5, clusters.size(), "four service databases and Keycloak's");
        for (JsonNode c : clusters) {
            assertEquals(major(postgres), major(tag(c.path("spec").path("imageName").asText())), c.path("metadata").path("name").asText());
        }
    }

    /** No source, script or build file writes the Keycloak or Kafka version again (prose and these checks may). */
    @Test
    void noOtherFileWritesTheVersions() throws IOException {
        List<String> copies = new ArrayList<>();
        List<Path> checked = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                boolean skipped = rel.startsWith(".git/") || rel.contains("/target/") || rel.startsWith("target/") || rel.startsWith(".qnet/")
                        || rel.contains("node_modules/") || rel.equals("pom.xml") || rel.startsWith("deploy/compose/")
                        || rel.startsWith("deploy/kubernetes/") || rel.startsWith("deploy/checks/");
                boolean code = rel.endsWith(".java") || rel.endsWith(".xml") || rel.endsWith(".sh") || rel.endsWith(".properties")
                        || rel.equals("qnet") || rel.startsWith(".ci/");
                if (skipped || !code) {
                    continue;
                }
                checked.add(f);
                String text = Files.readString(f);
                for (String v : List.of(keycloak, kafka)) {
                    if (Pattern.compile("(?<![\\w.])" + Pattern.quote(v) + "(?![\\w.])").matcher(text).find()) {
                        copies.add(rel + " writes " + v);
                    }
                }
            }
        }
        assertFalse(checked.isEmpty());
        assertEquals(List.of(), copies);
    }
}
