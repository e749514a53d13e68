package dk.qnet.testing;

import dk.qnet.stack.KafkaBroker;
import dk.qnet.stack.PostgresServer;
import dk.qnet.stack.ServiceDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts the real parts a service test needs: a PostgreSQL 17 server with every service's
 * database and role, a KRaft Kafka broker with the suite's topics, and a fresh RSA key that
 * the service trusts for bearer tokens (the tests sign with {@link TestTokens}).
 *
 * <p>Use it with {@code @QuarkusTestResource(value = QnetInfrastructure.class,
 * initArgs = @ResourceArg(name = "database", value = "referral"))}.
 */
public class QnetInfrastructure implements QuarkusTestResourceLifecycleManager {

    public static final String SIGNING_KEY_PROPERTY = "qnet.test.signing-key";
    public static final String POSTGRES_PORT_PROPERTY = "qnet.test.postgres-port";
    public static final String POSTGRES_SUPERUSER_PASSWORD_PROPERTY = "qnet.test.postgres-superuser-password";

    private String database;
    private Path workDir;
    private PostgresServer postgres;
    private KafkaBroker kafka;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "referral");
    }

    @Override
    public Map<String, String> start() {
        try {
            workDir = Files.createTempDirectory("qnet-test-");
            postgres = PostgresServer.start(0, workDir.resolve("postgres"), false);
            postgres.provision(ServiceDatabase.ALL);
            kafka = KafkaBroker.start(0, workDir.resolve("kafka"), 2);
            KeyPair keys = rsaKeyPair();

            ServiceDatabase db = ServiceDatabase.named(database);
            Map<String, String> config = new HashMap<>();
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(db.name()));
            config.put("quarkus.datasource.username", db.role());
            config.put("quarkus.datasource.password", db.password());
            config.put(POSTGRES_PORT_PROPERTY, String.valueOf(postgres.port()));
            config.put(POSTGRES_SUPERUSER_PASSWORD_PROPERTY, postgres.superuserPassword());
            config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
            config.put("quarkus.oidc.public-key", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
            config.put("quarkus.oidc.token.issuer", TestTokens.ISSUER);
            config.put(SIGNING_KEY_PROPERTY, Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
            return config;
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("Could not start the test infrastructure", e);
        }
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            postgres = null;
        }
        deleteTree(workDir);
    }

    static KeyPair rsaKeyPair() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
