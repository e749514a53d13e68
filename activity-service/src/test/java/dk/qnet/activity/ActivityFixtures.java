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

    /**
     * Registers, after making the woman or volunteer named in the body known to activity-service
     * as one of the activity's network who may take part (as the events would). Tests of who may
     * be registered use {@link #registerAsIs} and real events.
     */
    public static Response register(String token, String activityId, String body) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(referralId|volunteerId)\":\"([0-9a-f-]{36})\"").matcher(body);
        if (m.find()) {
            know(m.group(1), java.util.UUID.fromString(m.group(2)), activityId);
        }
        return registerAsIs(token, activityId, body);
    }

    public static Response registerAsIs(String token, String activityId, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/activities/" + activityId + "/registrations");
    }

    static void know(String field, java.util.UUID id, String activityId) {
        EntityManager em = io.quarkus.arc.Arc.container().instance(EntityManager.class).get();
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            java.util.List<String> network = em.createNativeQuery("select network_id from activity where cast(id as text) = ?1")
                    .setParameter(1, activityId).getResultList();
            if (network.isEmpty()) {
                return;
            }
            if (field.equals("referralId")) {
                em.createNativeQuery("insert into known_referral values (?1, ?2, 'ACCEPTED', true, now()) on conflict do nothing")
                        .setParameter(1, id).setParameter(2, network.get(0)).executeUpdate();
            } else {
                em.createNativeQuery("insert into known_volunteer values (?1, ?2, 'ACTIVE', now()) on conflict do nothing")
                        .setParameter(1, id).setParameter(2, network.get(0)).executeUpdate();
            }
        });
    }

    public static String woman(java.util.UUID referralId, int children) {
        return "{\"kind\":\"WOMAN\",\"referralId\":\"" + referralId + "\",\"children\":" + children + "}";
    }
}
