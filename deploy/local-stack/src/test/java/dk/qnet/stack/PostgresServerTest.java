package dk.qnet.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

    private static PostgresServer postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresServer.start(0, Files.createTempDirectory("qnet-pg-test").resolve("data"), false);
        postgres.provision(ServiceDatabase.ALL);
        // A second provision, as on every ./qnet up, must change nothing and fail on nothing.
        postgres.provision(ServiceDatabase.ALL);
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    /** A commit the server acknowledged survives its crash: the outbox and the inboxes rely on it. */
    @Test
    void commitsAreDurable() throws SQLException {
        ServiceDatabase db = ServiceDatabase.ALL.get(0);
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(db.name()), db.role(), db.password());
             ResultSet rs = c.createStatement().executeQuery("select current_setting('synchronous_commit'), current_setting('fsync')")) {
            assertTrue(rs.next());
            assertEquals("on", rs.getString(1));
            assertEquals("on", rs.getString(2));
        }
    }

    @Test
    void eachServiceRoleConnectsToItsOwnDatabase() throws SQLException {
        for (ServiceDatabase db : ServiceDatabase.ALL) {
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(db.name()), db.role(), db.password());
                 ResultSet rs = c.createStatement().executeQuery("select current_database(), current_user, version()")) {
                assertTrue(rs.next());
                assertEquals(db.name(), rs.getString(1));
                assertEquals(db.role(), rs.getString(2));
                assertTrue(rs.getString(3).startsWith("PostgreSQL 17"), rs.getString(3));
            }
        }
    }

    @Test
    void aServiceRoleIsRefusedByEveryOtherServicesDatabase() {
        for (ServiceDatabase own : ServiceDatabase.ALL) {
            for (ServiceDatabase other : ServiceDatabase.ALL) {
                if (own.equals(other)) {
                    continue;
                }
                SQLException refused = assertThrows(SQLException.class,
                        () -> DriverManager.getConnection(postgres.jdbcUrl(other.name()), own.role(), own.password()).close(),
                        own.role() + " must not connect to " + other.name());
                assertEquals("42501", refused.getSQLState(), "insufficient privilege, not some other failure");
            }
            assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(postgres.jdbcUrl("postgres"), own.role(), own.password()).close());
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        ServiceDatabase db = ServiceDatabase.named("referral");
        assertThrows(SQLException.class,
                () -> DriverManager.getConnection(postgres.jdbcUrl(db.name()), db.role(), "wrong").close());
    }

    @Test
    void aPersistentServerKeepsItsDataAndItsPasswordsAcrossRestarts() throws Exception {
        Path data = Files.createTempDirectory("qnet-pg-restart").resolve("data");
        ServiceDatabase db = ServiceDatabase.named("matching");
        try (PostgresServer first = PostgresServer.start(0, data, true)) {
            first.provision(ServiceDatabase.ALL);
            try (Connection c = DriverManager.getConnection(first.jdbcUrl(db.name()), db.role(), db.password())) {
                c.createStatement().execute("create table kept (id int)");
                c.createStatement().execute("insert into kept values (42)");
            }
        }
        try (PostgresServer second = PostgresServer.start(0, data, true)) {
            second.provision(ServiceDatabase.ALL);
            try (Connection c = DriverManager.getConnection(second.jdbcUrl(db.name()), db.role(), db.password());
                 ResultSet rs = c.createStatement().executeQuery("select id from kept")) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt(1));
            }
            assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(second.jdbcUrl(db.name()), db.role(), "wrong").close());
        }
    }
}
