package dk.qnet.activity.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import dk.qnet.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ActivityResourceTest {

    @Inject
    EntityManager em;

    void insertActivity(String networkId, String title) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into activity (id, network_id, title, type, starts_at, ends_at, venue, capacity, status, version)
                values (?1, ?2, ?3, 'MEAL', ?4, ?5, 'Netværkets lokaler', 20, 'PLANNED', 0)
                """)
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, networkId)
                .setParameter(3, title)
                .setParameter(4, Instant.parse("2026-12-10T17:00:00Z"))
                .setParameter(5, Instant.parse("2026-12-10T20:00:00Z"))
                .executeUpdate());
    }

    @Test
    void aCoordinatorSeesOnlyHerOwnNetworksActivities() {
        insertActivity("net-vejle", "Julefrokost");
        insertActivity("net-horsens", "Skovtur");
        given().auth().oauth2(TestTokens.coordinator("net-vejle")).get("/api/v1/activities")
                .then().log().ifValidationFails().statusCode(200).body("title", contains("Julefrokost"));
        given().auth().oauth2(TestTokens.coordinator("net-ingen")).get("/api/v1/activities")
                .then().statusCode(200).body("$", empty());
    }

    @Test
    void otherRolesAndAnonymousCallersAreRefusedWithProblemJson() {
        given().auth().oauth2(TestTokens.shelter("s")).get("/api/v1/activities")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        given().get("/api/v1/activities")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void readinessIsUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
