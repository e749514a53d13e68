package dk.qnet.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dk.qnet.contracts.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployment must name only what the services really use, and everything they need: topics
 * from the contracts, env vars from each service's application.properties, ports, health paths,
 * secrets, and Kafka ACLs that agree with the table in docs/ARCHITECTURE.md.
 */
class DeploymentChecksTest {

    static final List<String> SERVICES = List.of("referral-service", "matching-service", "activity-service", "statistics-service");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static Path root;
    static List<JsonNode> manifests = new ArrayList<>();

    @BeforeAll
    static synchronized void load() throws IOException {
        if (!manifests.isEmpty()) {
            return;
        }
        root = Path.of(System.getProperty("qnet.project.root", "../..")).toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(root.resolve("deploy/kubernetes"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                manifests.addAll(readAll(f));
            }
        }
    }

    static List<JsonNode> readAll(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file); MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(r)) {
            List<JsonNode> docs = new ArrayList<>();
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new IOException(file + " does not parse: " + e.getMessage(), e);
        }
    }

    static List<JsonNode> kind(String kind) {
        return manifests.stream().filter(m -> kind.equals(m.path("kind").asText())).toList();
    }

    static JsonNode named(String kind, String name) {
        return kind(kind).stream().filter(m -> name.equals(m.path("metadata").path("name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    /** The service's own application.properties plus the platform defaults (and the pages' where it has pages), profile prefixes kept. */
    static Properties config(String service) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(root.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"))) {
            p.load(r);
        }
        if (hasPages(service)) {
            try (Reader r = Files.newBufferedReader(root.resolve("platform-pages/src/main/resources/META-INF/microprofile-config.properties"))) {
                p.load(r);
            }
        }
        try (Reader r = Files.newBufferedReader(root.resolve(service + "/src/main/resources/application.properties"))) {
            p.load(r);
        }
        return p;
    }

    /** The env var names a service reads: every property's, and every {@code ${VAR}} its values refer to. */
    static Set<String> envNames(Properties config) {
        Set<String> names = new TreeSet<>();
        for (String k : config.stringPropertyNames()) {
            names.add(envName(unprofiled(k)));
            Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(config.getProperty(k));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Env vars every service with pages must be given in production: the page client's secret and the session cookie's key. */
    static final List<String> REQUIRED_SECRETS = List.of("QNET_WEB_CLIENT_SECRET", "QNET_SESSION_ENCRYPTION_SECRET");

    /** A service has pages when it takes qnet-platform-pages. */
    static boolean hasPages(String service) throws IOException {
        return Files.readString(root.resolve(service + "/pom.xml")).contains("<artifactId>qnet-platform-pages</artifactId>");
    }

    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    static String unprofiled(String key) {
        return key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
    }

    static Set<String> topics(String text) {
        Set<String> topics = new TreeSet<>();
        if (text.contains("all of the above")) {
            topics.addAll(Topics.EVENT_TOPICS);
        }
        Matcher m = Pattern.compile("`(qnet\\.[a-z]+\\.v\\d+)`").matcher(text);
        while (m.find()) {
            topics.add(m.group(1));
        }
        return topics;
    }

    /** The services table of docs/ARCHITECTURE.md (the project's own copy of the design): service to [publishes, consumes]. */
    static Map<String, List<Set<String>>> designTable() throws IOException {
        Path design = root.resolve("docs/ARCHITECTURE.md");
        assertTrue(Files.exists(design), "docs/ARCHITECTURE.md holds the services table");
        Map<String, List<Set<String>>> table = new HashMap<>();
        for (String line : Files.readAllLines(design)) {
            String[] cells = line.split("\\|");
            if (cells.length >= 6 && SERVICES.contains(cells[1].trim())) {
                table.put(cells[1].trim(), List.of(topics(cells[4]), topics(cells[5])));
            }
        }
        assertEquals(Set.copyOf(SERVICES), table.keySet(), "docs/ARCHITECTURE.md lists every service");
        return table;
    }

    @Test
    void everyManifestAndTheComposeFileParse() throws IOException {
        assertTrue(manifests.size() > 30, "manifests read: " + manifests.size());
        for (JsonNode m : manifests) {
            assertFalse(m.path("kind").asText().isEmpty(), "every document has a kind: " + m);
        }
        assertFalse(readAll(root.resolve("deploy/compose/docker-compose.yml")).isEmpty());
        JsonNode base = readAll(root.resolve("deploy/kubernetes/base/kustomization.yaml")).get(0);
        try (Stream<Path> files = Files.list(root.resolve("deploy/kubernetes/base"))) {
            Set<String> onDisk = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("kustomization.yaml")).collect(Collectors.toSet());
            Set<String> listed = new HashSet<>();
            base.path("resources").forEach(r -> listed.add(r.asText()));
            assertEquals(onDisk, listed, "the kustomization lists every base manifest");
        }
    }

    @Test
    void theKafkaTopicsAreExactlyTheContractsTopics() {
        Map<String, JsonNode> byName = kind("KafkaTopic").stream()
                .collect(Collectors.toMap(t -> t.path("spec").path("topicName").asText(), t -> t));
        assertEquals(new TreeSet<>(Topics.all()), new TreeSet<>(byName.keySet()));
        for (JsonNode t : byName.values()) {
            assertEquals(3, t.path("spec").path("replicas").asInt(), "replication factor 3");
            assertEquals(2, t.path("spec").path("config").path("min.insync.replicas").asInt());
        }
        for (String compacted : Topics.COMPACTED) {
            assertEquals("compact", byName.get(compacted).path("spec").path("config").path("cleanup.policy").asText());
        }
        JsonNode kafka = named("Kafka", "qnet-kafka");
        assertEquals(3, kafka.path("spec").path("kafka").path("config").path("default.replication.factor").asInt());
        assertEquals(2, kafka.path("spec").path("kafka").path("config").path("min.insync.replicas").asInt());
        assertEquals(3, kind("KafkaNodePool").get(0).path("spec").path("replicas").asInt());
        assertEquals("enabled", kafka.path("metadata").path("annotations").path("strimzi.io/kraft").asText());
    }

    @Test
    void theAclsAgreeWithDesignMdAndWithWhatEachServiceConsumes() throws IOException {
        Map<String, List<Set<String>>> design = designTable();
        for (String service : SERVICES) {
            Set<String> read = new TreeSet<>();
            Set<String> write = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            for (JsonNode acl : named("KafkaUser", service).path("spec").path("authorization").path("acls")) {
                String type = acl.path("resource").path("type").asText();
                String name = acl.path("resource").path("name").asText();
                List<String> ops = new ArrayList<>();
                acl.path("operations").forEach(o -> ops.add(o.asText()));
                if (type.equals("group")) {
                    groups.add(name);
                } else if (ops.contains("Read")) {
                    read.add(name);
                } else if (ops.contains("Write")) {
                    write.add(name);
                }
            }
            Set<String> publishes = design.get(service).get(0);
            Set<String> consumes = design.get(service).get(1);
            assertEquals(consumes, read, service + " reads exactly what docs/ARCHITECTURE.md says it consumes");
            Set<String> expectedWrite = new TreeSet<>(publishes);
            consumes.forEach(t -> expectedWrite.add(Topics.deadLetter(t)));
            assertEquals(expectedWrite, write, service + " writes what it publishes and the DLQs of what it consumes");

            Properties config = config(service);
            for (String key : config.stringPropertyNames()) {
                Matcher m = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic").matcher(key);
                if (m.matches()) {
                    String topic = config.getProperty(key);
                    assertTrue(read.contains(topic), service + " consumes " + topic + " but may not read it");
                    // A channel's own group, or the one the service names for every channel at connector level.
                    String group = config.getProperty("mp.messaging.incoming." + m.group(1) + ".group.id",
                            config.getProperty("mp.messaging.connector.smallrye-kafka.group.id"));
                    assertTrue(groups.contains(group), service + " may use its consumer group " + group);
                    assertTrue(write.contains(config.getProperty("mp.messaging.incoming." + m.group(1) + ".dead-letter-queue.topic")),
                            service + " may write its dead letters");
                }
            }
        }
    }

    /** The operator's user (dead-letter replay) reads only the DLQs, writes only the topics they came from, and commits one group. */
    @Test
    void theOperatorMayReplayDeadLettersAndDoNothingElse() {
        Set<String> read = new TreeSet<>();
        Set<String> write = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        for (JsonNode acl : named("KafkaUser", "qnet-operator").path("spec").path("authorization").path("acls")) {
            String name = acl.path("resource").path("name").asText();
            assertEquals("literal", acl.path("resource").path("patternType").asText(), name);
            Set<String> ops = new TreeSet<>();
            acl.path("operations").forEach(o -> ops.add(o.asText()));
            switch (acl.path("resource").path("type").asText()) {
                case "group" -> {
                    assertEquals(Set.of("Read"), ops, name);
                    groups.add(name);
                }
                case "topic" -> {
                    if (ops.equals(Set.of("Read", "Describe"))) {
                        read.add(name);
                    } else if (ops.equals(Set.of("Write", "Describe"))) {
                        write.add(name);
                    } else {
                        throw new AssertionError("qnet-operator may not " + ops + " on " + name);
                    }
                }
                default -> throw new AssertionError("qnet-operator has an ACL on " + acl.path("resource"));
            }
        }
        assertEquals(new TreeSet<>(Topics.EVENT_TOPICS.stream().map(Topics::deadLetter).toList()), read);
        assertEquals(new TreeSet<>(Topics.EVENT_TOPICS), write);
        // The group the replay tool (deploy/local-stack DeadLetters.GROUP) commits.
        assertEquals(Set.of("qnet-dlq-replay"), groups);
    }

    @Test
    void eachDeploymentUsesOnlyRealSettingsAndProvidesEveryRequiredOne() throws IOException {
        Set<String> producedSecrets = new HashSet<>();
        kind("Cluster").forEach(c -> producedSecrets.add(c.path("metadata").path("name").asText() + "-app"));
        kind("KafkaUser").forEach(u -> producedSecrets.add(u.path("metadata").path("name").asText()));
        producedSecrets.add("qnet-kafka-cluster-ca-cert");
        String deployReadme = Files.readString(root.resolve("deploy/README.md"));

        for (String service : SERVICES) {
            Properties config = config(service);
            Map<String, String> known = new HashMap<>();
            config.stringPropertyNames().forEach(k -> known.put(envName(unprofiled(k)), unprofiled(k)));
            envNames(config).forEach(n -> known.putIfAbsent(n, n));
            JsonNode container = named("Deployment", service).path("spec").path("template").path("spec").path("containers").get(0);

            Set<String> env = new TreeSet<>();
            for (JsonNode from : container.path("envFrom")) {
                named("ConfigMap", from.path("configMapRef").path("name").asText()).path("data").fieldNames().forEachRemaining(env::add);
            }
            for (JsonNode e : container.path("env")) {
                env.add(e.path("name").asText());
                JsonNode ref = e.path("valueFrom").path("secretKeyRef");
                if (!ref.isMissingNode()) {
                    String secret = ref.path("name").asText();
                    assertTrue(producedSecrets.contains(secret) || deployReadme.contains("`" + secret + "`"),
                            service + " reads secret " + secret + ", which nothing makes and deploy/README.md does not explain");
                }
                assertTrue(e.path("value").isMissingNode() || !e.path("name").asText().matches(".*(PASSWORD|KEY|SECRET|JAAS).*"),
                        "secrets never inline: " + e.path("name").asText());
            }
            for (String name : env) {
                boolean kafkaClient = name.startsWith("KAFKA_");
                assertTrue(known.containsKey(name) || kafkaClient, service + " gets " + name + ", which it does not use");
            }
            // Every local default in application.properties must be replaced in production.
            for (String key : config.stringPropertyNames()) {
                String value = config.getProperty(key);
                boolean localDefault = !key.startsWith("%") && (value.contains("127.0.0.1") || value.contains("local-pw"));
                boolean secretWithoutDefault = key.startsWith("%test.") && (key.contains("master-key") || key.contains("chain-key"));
                if (localDefault || secretWithoutDefault) {
                    assertTrue(env.contains(envName(unprofiled(key))), service + " must be given " + envName(unprofiled(key)));
                }
            }
            int port = Integer.parseInt(config.getProperty("quarkus.http.port"));
            assertEquals(port, container.path("ports").get(0).path("containerPort").asInt(), service + " port");
            assertEquals("/q/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText());
            assertEquals("/q/health/live", container.path("livenessProbe").path("httpGet").path("path").asText());
            assertTrue(container.path("resources").has("requests") && container.path("resources").path("limits").has("memory"));
            assertTrue(named("Deployment", service).path("spec").path("template").path("spec").path("securityContext").path("runAsNonRoot").asBoolean());

            int partitions = kind("KafkaTopic").stream().filter(t -> t.path("spec").path("topicName").asText().startsWith("qnet.")
                    && !t.path("spec").path("topicName").asText().endsWith(".dlq")).mapToInt(t -> t.path("spec").path("partitions").asInt()).min().orElseThrow();
            assertTrue(named("HorizontalPodAutoscaler", service).path("spec").path("maxReplicas").asInt() <= partitions,
                    "more consumers than partitions would sit idle");
            named("PodDisruptionBudget", service);
        }
    }

    @Test
    void networkPoliciesLetEachServiceReachOnlyItsOwnDatabaseKafkaAndKeycloak() {
        assertEquals(0, named("NetworkPolicy", "default-deny-ingress").path("spec").path("podSelector").size());
        for (String service : SERVICES) {
            String db = service.replace("-service", "") + "-db";
            JsonNode egress = named("NetworkPolicy", service).path("spec").path("egress");
            Set<String> clusters = new TreeSet<>();
            egress.forEach(rule -> rule.path("to").forEach(to -> {
                JsonNode labels = to.path("podSelector").path("matchLabels");
                if (labels.has("cnpg.io/cluster")) {
                    clusters.add(labels.path("cnpg.io/cluster").asText());
                }
            }));
            assertEquals(Set.of(db), clusters, service + " reaches its own database only");
            JsonNode dbIngress = named("NetworkPolicy", db + "-ingress").path("spec").path("ingress").get(0).path("from");
            Set<String> services = new TreeSet<>();
            dbIngress.forEach(from -> {
                String name = from.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText();
                if (!name.isEmpty()) {
                    services.add(name);
                }
            });
            assertEquals(Set.of(service), services, db + " is reached by its service only");
        }
    }

    @Test
    void keycloakImportsTheProductionRealmWithoutDemoUsersPasswordGrantOrInlineSecrets() throws IOException {
        JsonNode production = new ObjectMapper().readTree(root.resolve("deploy/keycloak/production/qnet-realm.json").toFile());
        JsonNode demo = new ObjectMapper().readTree(root.resolve("deploy/keycloak/qnet-realm.json").toFile());
        JsonNode imported = named("KeycloakRealmImport", "qnet-realm").path("spec").path("realm");
        for (JsonNode realm : List.of(production, imported)) {
            assertEquals(demo.path("realm").asText(), realm.path("realm").asText());
            assertEquals(names(demo.path("roles").path("realm"), "name"), names(realm.path("roles").path("realm"), "name"));
            assertEquals(Set.of("qnet-api", "qnet-web"), names(realm.path("clients"), "clientId"),
                    "production has the API audience and the pages; each organisation's client is added by the operator");
            assertEquals(List.of(), realmViolations(realm));
        }
        // The demo realm is what the check is for: it would be refused.
        assertFalse(realmViolations(demo).isEmpty());
    }

    /** What makes a realm unfit outside the laptop: users, the password grant, literal secrets. */
    static List<String> realmViolations(JsonNode realm) {
        List<String> violations = new ArrayList<>();
        realm.path("users").forEach(u -> violations.add("user " + u.path("username").asText()));
        for (JsonNode c : realm.path("clients")) {
            String id = c.path("clientId").asText();
            if (c.path("directAccessGrantsEnabled").asBoolean(false)) {
                violations.add(id + " allows the password grant");
            }
            if (c.has("secret") && !c.path("secret").asText().matches("\\$\\{[A-Z][A-Z0-9_]*}")) {
                violations.add(id + " has a literal secret");
            }
        }
        return violations;
    }

    /** Words that must never appear in a file that deploys outside the laptop. */
    static final List<String> LOCAL_ONLY = List.of("start-dev", "qnet-demo", "local-secret", "local-pw", "ALLOW_LOOPBACK",
            "ALLOW_INSECURE_HTTP", "allow-loopback", "allow-insecure-http", "SECURE_COOKIES", "secure-cookies",
            "deploy/keycloak/qnet-realm.json", "../keycloak/qnet-realm.json");

    static List<String> localOnlyWords(String text) {
        return LOCAL_ONLY.stream().filter(text::contains).toList();
    }

    @Test
    void noNonLocalDeploymentFileCanImportDemoUsersLiteralSecretsOrStartDev() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Stream.concat(Stream.concat(Files.walk(root.resolve("deploy/kubernetes")),
                Files.walk(root.resolve("deploy/compose"))), Files.walk(root.resolve("deploy/keycloak/production")))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertTrue(files.size() > 5, "files checked: " + files);
        for (Path f : files) {
            assertEquals(List.of(), localOnlyWords(Files.readString(f)), root.relativize(f) + " holds what only the laptop may use");
        }
        // The check can fail: the laptop's launcher and demo realm would be refused.
        assertFalse(localOnlyWords(Files.readString(root.resolve("qnet"))).isEmpty());

        JsonNode compose = readAll(root.resolve("deploy/compose/docker-compose.yml")).get(0).path("services");
        JsonNode keycloak = compose.path("keycloak");
        assertEquals("start", keycloak.path("command").get(0).asText(), "Keycloak runs in production mode");
        assertTrue(keycloak.path("volumes").toString().contains("../keycloak/production/qnet-realm.json"), "compose imports the production realm");
        compose.fields().forEachRemaining(service -> service.getValue().path("environment").fields().forEachRemaining(e -> {
            if (e.getKey().matches(".*(PASSWORD|KEY|SECRET).*")) {
                assertTrue(e.getValue().asText().matches("\\$\\{[A-Z][A-Z0-9_]*:\\?[^}]+}"),
                        service.getKey() + " " + e.getKey() + " must come from .env, required: " + e.getValue().asText());
            }
        }));
        for (String service : SERVICES) {
            Set<String> env = new TreeSet<>();
            named("Deployment", service).path("spec").path("template").path("spec").path("containers").get(0).path("env")
                    .forEach(e -> env.add(e.path("name").asText()));
            for (String required : REQUIRED_SECRETS) {
                assertEquals(hasPages(service), env.contains(required), service + " in Kubernetes is given " + required
                        + " if and only if it has pages");
            }
        }
    }

    @Test
    void imagesAreBuiltWithoutDockerAsANonRootUserThatTheDeploymentsExpect() throws IOException {
        Properties platform = config("referral-service");
        assertTrue(platform.getProperty("quarkus.jib.base-jvm-image").contains("openjdk-17-runtime"), "a slim JVM runtime image");
        int user = Integer.parseInt(platform.getProperty("quarkus.jib.user"));
        assertTrue(user > 0, "not root");
        for (String service : SERVICES) {
            JsonNode pod = named("Deployment", service).path("spec").path("template").path("spec");
            assertEquals(user, pod.path("securityContext").path("runAsUser").asInt());
            assertEquals("qnet/" + service + ":" + projectVersion(), pod.path("containers").get(0).path("image").asText(),
                    "the tag the build gives the image (Quarkus: the project version); the production overlay sets the released one");
        }
        assertTrue(Files.readString(root.resolve("platform/pom.xml")).contains("quarkus-container-image-jib"));
    }

    /** The root pom's own version: the tag Quarkus gives the images it builds. */
    static String projectVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>qnet-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(Files.readString(root.resolve("pom.xml")));
        assertTrue(m.find(), "the root pom has a version");
        return m.group(1);
    }

    @Test
    void composeRunsTheSameServicesWithTheSameSettings() throws IOException {
        JsonNode compose = readAll(root.resolve("deploy/compose/docker-compose.yml")).get(0).path("services");
        for (String service : SERVICES) {
            JsonNode s = compose.path(service);
            if (s.isMissingNode()) {
                fail("compose lacks " + service);
            }
            assertEquals("qnet/" + service + ":" + projectVersion(), s.path("image").asText(), "compose runs the image the build makes");
            Properties config = config(service);
            Set<String> known = envNames(config);
            s.path("environment").fieldNames().forEachRemaining(name ->
                    assertTrue(known.contains(name), service + " in compose gets " + name + ", which it does not use"));
            for (String required : REQUIRED_SECRETS) {
                assertEquals(hasPages(service), s.path("environment").has(required), service + " in compose is given " + required
                        + " if and only if it has pages");
            }
            String port = config.getProperty("quarkus.http.port");
            assertEquals(port + ":" + port, s.path("ports").get(0).asText());
        }
        Set<String> created = new TreeSet<>();
        Matcher m = Pattern.compile("--topic (\\S+)").matcher(compose.path("kafka-topics").path("command").get(0).asText());
        while (m.find()) {
            created.add(m.group(1));
        }
        assertEquals(new TreeSet<>(Topics.all()), created);
    }

    static Set<String> names(JsonNode array, String field) {
        Set<String> names = new TreeSet<>();
        array.forEach(n -> names.add(n.path(field).asText()));
        return names;
    }
}
