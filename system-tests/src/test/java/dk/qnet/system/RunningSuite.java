package dk.qnet.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole suite, started by {@code ./qnet up} exactly as a person starts it, but on free ports
 * and with its own state and Keycloak folders, so it never collides with a suite already running.
 */
final class RunningSuite implements AutoCloseable {

    final Path root;
    final Path home;
    final Map<String, String> env = new HashMap<>();
    final int referralPort;
    final int matchingPort;
    final int statisticsPort;
    final int keycloakPort;

    private RunningSuite(Path root, Path home) throws IOException {
        this.root = root;
        this.home = home;
        referralPort = freePort();
        matchingPort = freePort();
        statisticsPort = freePort();
        keycloakPort = freePort();
        env.put("QNET_HOME", home.resolve("state").toString());
        env.put("QNET_CACHE", home.resolve("cache").toString());
        env.put("QNET_PG_PORT", String.valueOf(freePort()));
        env.put("QNET_KAFKA_PORT", String.valueOf(freePortPair()));
        env.put("QNET_KEYCLOAK_PORT", String.valueOf(keycloakPort));
        env.put("QNET_REFERRAL_PORT", String.valueOf(referralPort));
        env.put("QNET_MATCHING_PORT", String.valueOf(matchingPort));
        env.put("QNET_ACTIVITY_PORT", String.valueOf(freePort()));
        env.put("QNET_STATISTICS_PORT", String.valueOf(statisticsPort));
        env.put("QNET_SKIP_BUILD", "true");
        // No demo women: the tests count what they make themselves (the pages journey asks for them).
        env.put("QNET_DEMO_AFTERCARE", "false");
        // Each suite has its own state folder, so a JDK 25 AOT cache would be trained afresh every
        // time and written at every ./qnet down (about 20 s a service): the tests run on Java 17.
        env.put("QNET_AOT", "false");
    }

    static RunningSuite start() throws Exception {
        return start(Map.of());
    }

    /** With more environment for ./qnet and the processes it starts. */
    static RunningSuite start(Map<String, String> extraEnv) throws Exception {
        Path root = Path.of(System.getProperty("qnet.project.root", "..")).toAbsolutePath().normalize();
        RunningSuite suite = new RunningSuite(root, Files.createTempDirectory("qnet-system-"));
        suite.env.putAll(extraEnv);
        int rc = suite.qnet(Duration.ofMinutes(8), "up");
        if (rc != 0) {
            suite.close();
            throw new IllegalStateException("./qnet up failed with " + rc + ": see " + suite.home.resolve("qnet-up.log"));
        }
        suite.warningsAtStart.addAll(warnings(suite.state().resolve("logs")));
        return suite;
    }

    /** The WARN and ERROR lines in the logs of what ./qnet up started, as they were when it returned. */
    final List<String> warningsAtStart = new ArrayList<>();

    /** A warning or worse, in Quarkus' and Keycloak's text lines, slf4j-simple's, the JDK's, and JSON lines. */
    static final java.util.regex.Pattern WARNING = java.util.regex.Pattern.compile(
            "^\\S+ \\S+ +(WARN|ERROR|FATAL)\\b|\\] (WARN|ERROR) |^(WARNING|SEVERE|ERROR):|\"level\":\"(WARN|WARNING|ERROR|FATAL)\"");

    static List<String> warnings(Path logs) throws IOException {
        List<String> found = new ArrayList<>();
        try (var files = Files.list(logs)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".log") && !p.getFileName().toString().equals("build.log"))
                    .sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (WARNING.matcher(line).find()) {
                        found.add(f.getFileName() + ": " + line);
                    }
                }
            }
        }
        return found;
    }

    int kafkaPort() {
        return Integer.parseInt(env.get("QNET_KAFKA_PORT"));
    }

    int postgresPort() {
        return Integer.parseInt(env.get("QNET_PG_PORT"));
    }

    int activityPort() {
        return Integer.parseInt(env.get("QNET_ACTIVITY_PORT"));
    }

    Path state() {
        return home.resolve("state");
    }

    String baseUrl(int port) {
        return "http://127.0.0.1:" + port;
    }

    String keycloakRealm() {
        return baseUrl(keycloakPort) + "/realms/qnet";
    }

    /** A demo user's access token from the real Keycloak (password grant). */
    String passwordToken(String user) {
        return io.restassured.RestAssured.given().formParam("grant_type", "password")
                .formParam("client_id", "qnet-api")
                .formParam("client_secret", "qnet-api-local-secret")
                .formParam("username", user)
                .formParam("password", "qnet-demo")
                .post(keycloakRealm() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** A token of demo case system A's own client (organisation shelter-case-system-a), from the client-credentials grant. */
    String clientToken() {
        return clientToken("case-system-a");
    }

    /** A token of one organisation's own API client; each has its own secret (the demo realm's: {@code <client>-local-secret}). */
    String clientToken(String clientId) {
        return io.restassured.RestAssured.given().formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", clientId + "-local-secret")
                .post(keycloakRealm() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** A connection to one service's database as the PostgreSQL superuser ./qnet made. */
    java.sql.Connection database(String name) throws Exception {
        String password = Files.readString(state().resolve("postgres.superuser-password")).strip();
        return java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgresPort() + "/" + name, "postgres", password);
    }

    /** The PIDs ./qnet recorded for the processes it started. */
    List<Long> recordedPids() throws IOException {
        List<Long> pids = new ArrayList<>();
        Path dir = home.resolve("state/pids");
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    pids.add(Long.parseLong(Files.readString(f).trim()));
                }
            }
        }
        return pids;
    }

    int qnet(Duration timeout, String... args) throws Exception {
        return qnet(Map.of(), timeout, args);
    }

    /** ./qnet with more environment for this one call, such as QNET_WITHOUT=kafka. */
    int qnet(Map<String, String> extraEnv, Duration timeout, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(root.resolve("qnet").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("qnet-" + args[0] + ".log").toFile()));
        pb.environment().putAll(env);
        pb.environment().putAll(extraEnv);
        Process p = pb.start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    String output(String command) throws IOException {
        return Files.readString(home.resolve("qnet-" + command + ".log"));
    }

    @Override
    public void close() throws Exception {
        List<Long> pids = recordedPids();
        assertEquals(0, qnet(Duration.ofMinutes(2), "down"), "./qnet down");
        for (long pid : pids) {
            assertEquals(false, ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                    "process " + pid + " still runs after ./qnet down");
        }
    }

    /**
     * A port below Linux's ephemeral range (32768 and up), free when asked. A port from
     * {@code new ServerSocket(0)} lies inside that range, and an outgoing connection of the
     * suite itself can take it before the service binds it.
     */
    private static int freePort() throws IOException {
        for (int i = 0; i < 200; i++) {
            int port = 20_000 + RANDOM.nextInt(12_000);
            // Never the same port twice in this JVM: a suite binds its ports only when it starts.
            if (bindable(port) && GIVEN.add(port)) {
                return port;
            }
        }
        throw new IOException("no free port below 32000");
    }

    /** Kafka's controller listens on the port after the broker's. */
    private static int freePortPair() throws IOException {
        for (int i = 0; i < 200; i++) {
            int port = freePort();
            if (bindable(port + 1) && GIVEN.add(port + 1)) {
                return port;
            }
        }
        throw new IOException("no two free adjacent ports");
    }

    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static final java.util.Random RANDOM = new java.util.Random();
    private static final java.util.Set<Integer> GIVEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    record Duration(long seconds) {
        static Duration ofMinutes(long minutes) {
            return new Duration(minutes * 60);
        }

        long toSeconds() {
            return seconds;
        }
    }
}
