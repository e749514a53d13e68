package dk.qnet.activity;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dk.qnet.contracts.EventType;
import dk.qnet.testing.KafkaProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;

/** Networks and activities the tests start from. */
public final class ActivityFixtures {

    public static final String PROBLEM = "application/problem+json";

    private ActivityFixtures() {
    }

    /** Publishes a network on qnet.networks.v1 and waits until activity-service knows it. */
    public static void network(EntityManager em, String networkId) {
        KafkaProbe.sendEvent(EventType.NETWORK_UPDATED, networkId, """
                {"networkId":"%s","name":"Qnet %s","municipalityCodes":["0101"],"active":true,"updatedAt":"%s"}
                """.formatted(networkId, networkId, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> em.find(Network.class, networkId) != null));
    }

    public static String activity(Instant startsAt, int capacity) {
        return """
                {"title":"Fællesspisning","description":"Vi laver mad sammen","type":"MEAL",
                 "startsAt":"%s","endsAt":"%s","venue":"Netværkets lokaler, Kirkegade 3",
                 "venueKind":"NETWORK_PREMISES","audience":["WOMEN","CHILDREN","VOLUNTEERS"],"capacity":%d}
                """.formatted(startsAt, startsAt.plus(Duration.ofHours(3)), capacity);
    }

    public static Response create(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/activities");
    }

    public static String createPlanned(String token, int capacity) {
        return create(token, activity(Instant.now().plus(Duration.ofDays(10)), capacity))
                .then().log().ifValidationFails().statusCode(201).extract().path("id");
    }

    public static Response register(String token, String activityId, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/activities/" + activityId + "/registrations");
    }

    public static String woman(java.util.UUID referralId, int children) {
        return "{\"kind\":\"WOMAN\",\"referralId\":\"" + referralId + "\",\"children\":" + children + "}";
    }
}
