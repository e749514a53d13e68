package dk.qnet.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * The infrastructure processes that {@code ./qnet up} starts, one per command:
 * <pre>
 *   postgres --port 55432 --data .qnet/postgres
 *   kafka --port 59092 --data .qnet/kafka
 *   keycloak-install --cache ~/.cache/qnet --realm deploy/keycloak/qnet-realm.json [--service-ports 8081,8082,8083,8084]
 *   dlq-list --bootstrap 127.0.0.1:59092 --topic qnet.referrals.v1
 *   dlq-replay --bootstrap 127.0.0.1:59092 --topic qnet.referrals.v1 [--config client.properties]
 * </pre>
 * The server commands print a line starting with READY and run until they get SIGTERM.
 */
public final class StackMain {

    private StackMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        Map<String, String> options = options(args);
        switch (args[0]) {
            case "postgres" -> {
                PostgresServer pg = PostgresServer.start(intOption(options, "port"), Path.of(required(options, "data")), true);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(pg)));
                pg.provision(ServiceDatabase.ALL);
                System.out.println("READY postgres 127.0.0.1:" + pg.port());
                blockForever();
            }
            case "kafka" -> {
                int partitions = Integer.parseInt(options.getOrDefault("partitions", "3"));
                KafkaBroker kafka = KafkaBroker.start(intOption(options, "port"), Path.of(required(options, "data")), partitions);
                Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
                System.out.println("READY kafka " + kafka.bootstrapServers());
                blockForever();
            }
            case "keycloak-install" -> {
                Path home = KeycloakDistribution.ensure(Path.of(required(options, "cache")), System.err);
                Path realm = Path.of(required(options, "realm"));
                Path importDir = home.resolve("data/import");
                Files.createDirectories(importDir);
                // The pages' redirect URIs name the services' ports; a suite on other ports gets them rewritten.
                String json = Files.readString(realm);
                String[] ports = options.getOrDefault("service-ports", "8081,8082,8083,8084").split(",");
                for (int i = 0; i < ports.length; i++) {
                    json = json.replace(":" + (8081 + i) + "/*\"", ":" + Integer.parseInt(ports[i].trim()) + "/*\"");
                }
                Files.writeString(importDir.resolve(realm.getFileName()), json);
                System.out.println(home);
            }
            case "dlq-list", "dlq-replay" -> {
                Properties client = new Properties();
                if (options.containsKey("config")) {
                    try (var in = Files.newBufferedReader(Path.of(options.get("config")))) {
                        client.load(in);
                    }
                }
                DeadLetters deadLetters = new DeadLetters(required(options, "bootstrap"), client);
                try {
                    if (args[0].equals("dlq-list")) {
                        deadLetters.list(required(options, "topic"), System.out);
                    } else {
                        deadLetters.replay(required(options, "topic"), System.out);
                    }
                } catch (IllegalArgumentException e) {
                    System.err.println(e.getMessage());
                    System.exit(2);
                }
            }
            default -> usage();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                usage();
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            System.err.println("missing --" + name);
            usage();
        }
        return value;
    }

    private static int intOption(Map<String, String> options, String name) {
        return Integer.parseInt(required(options, name));
    }

    private static void blockForever() throws InterruptedException {
        new CountDownLatch(1).await();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            System.err.println("stop failed: " + e.getMessage());
        }
    }

    private static void usage() {
        System.err.println("usage: StackMain postgres|kafka --port N --data DIR | keycloak-install --cache DIR --realm FILE"
                + " | dlq-list|dlq-replay --bootstrap HOST:PORT --topic TOPIC [--config FILE]");
        System.exit(2);
    }
}
