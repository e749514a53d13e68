package dk.qnet.activity.rest;

import static dk.qnet.activity.ActivityFixtures.PROBLEM;
import static dk.qnet.activity.ActivityFixtures.createPlanned;
import static dk.qnet.activity.ActivityFixtures.network;
import static dk.qnet.activity.ActivityFixtures.register;
import static dk.qnet.activity.ActivityFixtures.woman;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.qnet.testing.Race;
import dk.qnet.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegistrationWaitlistTest {

    @Inject
    EntityManager em;

    String coordinator;

    @BeforeEach
    void network() {
        dk.qnet.activity.ActivityFixtures.network(em, "net-kolding");
        coordinator = TestTokens.coordinator("net-kolding");
    }

    String state(String activityId, String registrationId) {
        return given().auth().oauth2(coordinator).get("/api/v1/activities/" + activityId + "/registrations?size=200")
                .then().statusCode(200).extract().path("items.find { it.id == '" + registrationId + "' }.state");
    }

    JsonPath activity(String id) {
        return given().auth().oauth2(coordinator).get("/api/v1/activities/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void capacityCountsWomenChildrenAndVolunteersAndOverflowWaits() {
        String id = createPlanned(coordinator, 5);
        register(coordinator, id, woman(UUID.randomUUID(), 2)).then().statusCode(201).body("state", equalTo("CONFIRMED"));
        register(coordinator, id, "{\"kind\":\"ANONYMOUS\",\"women\":1,\"children\":1}").then().statusCode(201)
                .body("state", equalTo("CONFIRMED"));
        register(coordinator, id, "{\"kind\":\"VOLUNTEER\",\"volunteerId\":\"" + UUID.randomUUID() + "\"}").then()
                .statusCode(201).body("state", equalTo("WAITLISTED"));
        // Nobody jumps the queue, even one who would fit.
        register(coordinator, id, "{\"kind\":\"ANONYMOUS\",\"children\":1}").then().body("state", equalTo("WAITLISTED"));
        assertEquals(5, activity(id).getInt("confirmed"));
        assertEquals(2, activity(id).getInt("waiting"));
    }

    @Test
    void theSamePersonTwiceIsRefusedAndBadRegistrationsNameTheirField() {
        String id = createPlanned(coordinator, 10);
        UUID referral = UUID.randomUUID();
        register(coordinator, id, woman(referral, 1)).then().statusCode(201);
        register(coordinator, id, woman(referral, 0)).then().statusCode(409).contentType(PROBLEM);
        UUID volunteer = UUID.randomUUID();
        register(coordinator, id, "{\"kind\":\"VOLUNTEER\",\"volunteerId\":\"" + volunteer + "\"}").then().statusCode(201);
        register(coordinator, id, "{\"kind\":\"VOLUNTEER\",\"volunteerId\":\"" + volunteer + "\"}").then().statusCode(409);

        register(coordinator, id, "{\"kind\":\"WOMAN\"}").then().statusCode(400).body("errors[0].field", equalTo("referralId"));
        register(coordinator, id, woman(UUID.randomUUID(), 11)).then().statusCode(400).body("errors[0].field", equalTo("children"));
        register(coordinator, id, "{\"kind\":\"ANONYMOUS\"}").then().statusCode(400).body("errors[0].field", equalTo("women"));
        register(coordinator, id, "{\"kind\":\"ANONYMOUS\",\"women\":-1}").then().statusCode(400).body("errors[0].field", equalTo("women"));
        register(coordinator, id, "{\"kind\":\"ANONYMOUS\",\"women\":1,\"referralId\":\"" + UUID.randomUUID() + "\"}")
                .then().statusCode(400).body("errors[0].field", equalTo("referralId"));
        register(coordinator, id, "{\"kind\":\"GUEST\"}").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        register(coordinator, id, "{\"kind\":\"WOMAN\",\"referralId\":\"nope\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("referralId"));
    }

    @Test
    void twoCancellationsThatRaceMoveEachWaitingPersonUpExactlyOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = createPlanned(coordinator, 2);
            String a = register(coordinator, id, woman(UUID.randomUUID(), 0)).then().extract().path("id");
            String b = register(coordinator, id, woman(UUID.randomUUID(), 0)).then().extract().path("id");
            String c = register(coordinator, id, woman(UUID.randomUUID(), 0)).then().body("state", equalTo("WAITLISTED")).extract().path("id");
            String d = register(coordinator, id, woman(UUID.randomUUID(), 0)).then().body("state", equalTo("WAITLISTED")).extract().path("id");
            String e = register(coordinator, id, woman(UUID.randomUUID(), 0)).then().body("state", equalTo("WAITLISTED")).extract().path("id");

            List<Integer> statuses = Race.of(List.<Callable<Integer>>of(
                    () -> given().auth().oauth2(coordinator).delete("/api/v1/activities/" + id + "/registrations/" + a).statusCode(),
                    () -> given().auth().oauth2(coordinator).delete("/api/v1/activities/" + id + "/registrations/" + b).statusCode(),
                    // The same cancellation twice at once: one succeeds, one is told it is done already.
                    () -> given().auth().oauth2(coordinator).delete("/api/v1/activities/" + id + "/registrations/" + a).statusCode()));
            assertEquals(2, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());

            assertEquals("CONFIRMED", state(id, c), "first in line moves up");
            assertEquals("CONFIRMED", state(id, d), "second in line moves up");
            assertEquals("WAITLISTED", state(id, e), "the third still waits: capacity is 2");
            assertEquals(2, activity(id).getInt("confirmed"));
        }
    }
}
