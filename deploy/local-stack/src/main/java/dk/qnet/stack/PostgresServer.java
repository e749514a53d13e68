package dk.qnet.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A real PostgreSQL 17 server from the zonky binaries, with one database and one login role per
 * service. A role may connect to its own database only: CONNECT is revoked from PUBLIC.
 */
public final class PostgresServer implements AutoCloseable {

    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final String superuserPassword;

    private PostgresServer(EmbeddedPostgres postgres, String superuserPassword) {
        this.postgres = postgres;
        this.superuserPassword = superuserPassword;
    }

    /**
     * Starts a server on {@code port} (0 picks a free one) with its data in {@code dataDir}.
     * A persistent data directory keeps its data across restarts.
     */
    public static PostgresServer start(int port, Path dataDir, boolean persistent) throws IOException {
        Files.createDirectories(dataDir);
        String superuserPassword = superuserPassword(dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setConnectConfig("password", superuserPassword)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(!persistent)
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "64MB")
                .setServerConfig("listen_addresses", "127.0.0.1")
                // zonky starts the server with fsync and synchronous_commit off, so a crash of the
                // server lost commits it had acknowledged: referrals answered 201 and events the
                // consumers had applied (the soak found it, bench/soak.sh). The outbox and the inboxes
                // rely on durable commits; these come after zonky's -F and win.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setPGStartupWait(java.time.Duration.ofSeconds(60));
        if (port > 0) {
            builder.setPort(port);
        }
        PostgresServer server = new PostgresServer(builder.start(), superuserPassword);
        server.requirePasswords(dataDir);
        return server;
    }

    /**
     * initdb leaves every connection trusted, so any password would do. Give the superuser a
     * password and make every login, socket or TCP, prove its password (SCRAM).
     */
    private void requirePasswords(Path dataDir) throws IOException {
        try (Connection admin = superuser("postgres"); Statement st = admin.createStatement()) {
            st.execute("alter role " + SUPERUSER + " password '" + superuserPassword + "'");
            Files.writeString(dataDir.resolve("pg_hba.conf"), """
                    # Written by the Qnet local stack: every login proves its password.
                    local all all scram-sha-256
                    host  all all 127.0.0.1/32 scram-sha-256
                    host  all all ::1/128 scram-sha-256
                    """);
            st.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("Could not secure PostgreSQL logins", e);
        }
    }

    /** Kept beside the data directory so a restart can log in; readable by its owner only. */
    private static String superuserPassword(Path dataDir) throws IOException {
        Path file = dataDir.resolveSibling(dataDir.getFileName() + ".superuser-password");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        byte[] random = new byte[24];
        new java.security.SecureRandom().nextBytes(random);
        String password = java.util.HexFormat.of().formatHex(random);
        Files.writeString(file, password);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return password;
    }

    private Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, superuserPassword);
    }

    /** The superuser's password (tests use it to take a service's database away for a while). */
    public String superuserPassword() {
        return superuserPassword;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates the databases and roles that do not exist yet; safe to call on every start. */
    public void provision(List<ServiceDatabase> databases) throws SQLException {
        try (Connection admin = superuser("postgres"); Statement st = admin.createStatement()) {
            st.execute("revoke connect on database postgres from public");
            for (ServiceDatabase db : databases) {
                if (!exists(admin, "select 1 from pg_roles where rolname = ?", db.role())) {
                    st.execute("create role \"" + db.role() + "\" login password '" + db.password().replace("'", "''") + "'");
                }
                if (!exists(admin, "select 1 from pg_database where datname = ?", db.name())) {
                    st.execute("create database \"" + db.name() + "\" owner \"" + db.role() + "\"");
                }
                st.execute("revoke connect, temporary on database \"" + db.name() + "\" from public");
                st.execute("grant connect on database \"" + db.name() + "\" to \"" + db.role() + "\"");
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
