package dk.qnet.statistics.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.qnet.contracts.EventType;
import dk.qnet.testing.KafkaProbe;
import dk.qnet.testing.QnetInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A database that is away for a while (every connection cut, new ones refused, as in a restart)
 * stalls the consumer; it never dead-letters valid events. When the database is back, every event
 * is applied once and readiness is up again.
 */
@QuarkusTest
class TransientFaultsTest {

    static final String DLQ = "qnet.referrals.v1.dlq";
    static final int EVENTS = 20;

    @ConfigProperty(name = QnetInfrastructure.POSTGRES_PORT_PROPERTY)
    int port;

    @ConfigProperty(name = QnetInfrastructure.POSTGRES_SUPERUSER_PASSWORD_PROPERTY)
    String superuserPassword;

    @Test
    void eventsThatArriveWhileTheDatabaseIsAwayAreAppliedOnceAfterwardsAndNoneIsDeadLettered() throws Exception {
        int deadLettered = KafkaProbe.readAll(DLQ).size();
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres",
                superuserPassword)) {
            databaseAway(admin, true);
            try {
                for (int i = 0; i < EVENTS; i++) {
                    UUID id = UUID.randomUUID();
                    KafkaProbe.sendEvent(EventType.REFERRAL_RECEIVED, id.toString(),
                            StatisticsResourceTest.referralReceived(id, "2011-03-%02dT10:00:00Z".formatted(i + 1)));
                }
                // The consumer is behind and says so.
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                        .body("checks.find { it.name == 'event consumers' }.status", equalTo("DOWN")));
                // Longer than the bounded retries (5 attempts, about 11 s here) that once sent such events
                // to the dead-letter topic, and than the connector's 60 s before it gives up on a record not yet acknowledged.
                Thread.sleep(65_000);
            } finally {
                databaseAway(admin, false);
            }
        }
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> StatisticsResourceTest.month(2011, 3).getInt("received") == EVENTS);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        assertEquals(deadLettered, KafkaProbe.readAll(DLQ).size(), "valid events were dead-lettered");
    }

    /** Cuts every connection to the service's database and refuses new ones, or lets them in again. */
    static void databaseAway(Connection admin, boolean away) throws SQLException {
        try (Statement st = admin.createStatement()) {
            st.execute("alter database statistics with allow_connections " + !away);
            if (away) {
                st.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = 'statistics'");
            }
        }
    }
}
