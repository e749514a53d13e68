package dk.qnet.activity.rest;

import static dk.qnet.activity.ActivityFixtures.createPlanned;
import static dk.qnet.activity.ActivityFixtures.registerAsIs;
import static dk.qnet.activity.ActivityFixtures.woman;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dk.qnet.contracts.EventType;
import dk.qnet.testing.KafkaProbe;
import dk.qnet.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Only a woman or volunteer of the activity's network, known from the events on real Kafka, whose
 * status (and for her, consent) allows it, can be registered; any other id is a 400 naming the field.
 */
@QuarkusTest
class WhoMayTakePartTest {

    static final String NET = "net-vejle";

    @Inject
    EntityManager em;

    static void referral(UUID id, String network, String... scopes) {
        KafkaProbe.sendEvent(EventType.REFERRAL_RECEIVED, id.toString(), """
                {"referralId":"%s","receivedAt":"%s","municipalityCode":"0630","networkId":"%s","senderType":"SHELTER",
                 "childrenBirthYears":[],"consentScopes":[%s],
                 "matching":{"languages":["da"],"needs":["NETWORK"],"availability":[{"day":"TUESDAY","period":"EVENING"}]}}
                """.formatted(id, Instant.now(), network, String.join(",", java.util.Arrays.stream(scopes).map(s -> "\"" + s + "\"").toList())));
    }

    static void status(UUID id, String network, String status) {
        KafkaProbe.sendEvent(EventType.REFERRAL_STATUS_CHANGED, id.toString(), """
                {"referralId":"%s","networkId":"%s","status":"%s","changedAt":"%s"}
                """.formatted(id, network, status, Instant.now()));
    }

    static void volunteer(UUID id, String network, String status) {
        KafkaProbe.sendEvent(EventType.VOLUNTEER_STATUS_CHANGED, id.toString(), """
                {"volunteerId":"%s","networkId":"%s","status":"%s","previousStatus":"APPLIED","at":"%s"}
                """.formatted(id, network, status, Instant.now()));
    }

    @Test
    void onlyKnownPeopleOfTheNetworkWhoseStatusAllowsItAreRegistered() {
        dk.qnet.activity.ActivityFixtures.network(em, NET);
        String coordinator = TestTokens.coordinator(NET);
        String activity = createPlanned(coordinator, 20);

        // Unknown ids are refused, naming the field.
        registerAsIs(coordinator, activity, woman(UUID.randomUUID(), 0)).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("referralId"));
        registerAsIs(coordinator, activity, "{\"kind\":\"VOLUNTEER\",\"volunteerId\":\"" + UUID.randomUUID() + "\"}").then()
                .statusCode(400).body("errors[0].field", equalTo("volunteerId"));

        // Her referral, accepted by this network: she may take part once the events have arrived.
        UUID her = UUID.randomUUID();
        referral(her, NET, "QNET_CONTACT");
        status(her, NET, "ACCEPTED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                registerAsIs(coordinator, activity, woman(her, 1)).then().statusCode(201));

        // Received but not yet taken on, another network's, or rejected: refused.
        UUID waiting = UUID.randomUUID();
        referral(waiting, NET, "QNET_CONTACT");
        UUID foreign = UUID.randomUUID();
        referral(foreign, "net-odense", "QNET_CONTACT");
        status(foreign, "net-odense", "ACCEPTED");
        UUID rejected = UUID.randomUUID();
        referral(rejected, NET, "QNET_CONTACT");
        status(rejected, NET, "REJECTED");
        UUID marker = UUID.randomUUID();
        referral(marker, NET, "QNET_CONTACT");
        status(marker, NET, "ACCEPTED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                registerAsIs(coordinator, activity, woman(marker, 0)).then().statusCode(201));
        for (UUID refused : java.util.List.of(waiting, foreign, rejected)) {
            registerAsIs(coordinator, activity, woman(refused, 0)).then().statusCode(400).body("errors[0].field", equalTo("referralId"));
        }

        // A volunteer of this network once approved; not while she has only applied.
        UUID applied = UUID.randomUUID();
        volunteer(applied, NET, "APPLIED");
        UUID approved = UUID.randomUUID();
        volunteer(approved, NET, "APPROVED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                registerAsIs(coordinator, activity, "{\"kind\":\"VOLUNTEER\",\"volunteerId\":\"" + approved + "\"}").then().statusCode(201));
        registerAsIs(coordinator, activity, "{\"kind\":\"VOLUNTEER\",\"volunteerId\":\"" + applied + "\"}").then()
                .statusCode(400).body("errors[0].field", equalTo("volunteerId"));

        // Erased: she is forgotten and cannot be registered again.
        KafkaProbe.sendEvent(EventType.REFERRAL_ERASED, her.toString(), """
                {"referralId":"%s","cause":"CONSENT_WITHDRAWN","erasedAt":"%s"}
                """.formatted(her, Instant.now()));
        String other = createPlanned(coordinator, 20);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                registerAsIs(coordinator, other, woman(her, 0)).then().statusCode(400).body("errors[0].field", equalTo("referralId")));
    }
}
