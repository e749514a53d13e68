package dk.qnet.matching.network;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.qnet.contracts.EventHeaders;
import dk.qnet.contracts.Municipalities;
import dk.qnet.contracts.Topics;
import dk.qnet.testing.KafkaProbe;
import dk.qnet.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NetworkServiceTest {

    @Inject
    NetworkService networks;

    @Test
    void theDemoNetworksCoverAllNinetyEightMunicipalitiesAndArePublished() {
        List<NetworkService.Network> all = networks.list();
        assertTrue(all.size() >= 30 && all.size() <= 40, "about 33 networks: " + all.size());
        Map<String, List<String>> coverage = networks.coverage();
        assertEquals(Municipalities.all().keySet(), coverage.keySet(), "every municipality is covered");
        assertEquals(2, coverage.get("0101").size(), "København has two networks");

        List<ConsumerRecord<String, String>> published = await().atMost(Duration.ofSeconds(30)).until(
                () -> KafkaProbe.readAll(Topics.NETWORKS), records -> records.size() >= all.size());
        Set<String> keys = new HashSet<>();
        published.forEach(r -> keys.add(r.key()));
        all.forEach(n -> assertTrue(keys.contains(n.networkId()), n.networkId()));
        assertEquals("NetworkUpdated", KafkaProbe.header(published.get(0), EventHeaders.EVENT_TYPE));
    }

    @Test
    void anAdminChangesANetworkAndTheNewVersionIsPublished() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"Qnet Bornholm\",\"municipalityCodes\":[\"0400\",\"0360\"],\"active\":true}")
                .put("/api/v1/networks/net-bornholm-test").then().log().ifValidationFails().statusCode(200)
                .body("municipalityCodes", contains("0360", "0400"));
        await().atMost(Duration.ofSeconds(30)).until(() -> KafkaProbe.readAll(Topics.NETWORKS).stream()
                .anyMatch(r -> "net-bornholm-test".equals(r.key()) && r.value().contains("Qnet Bornholm")));
        given().get("/api/v1/networks/net-bornholm-test").then().statusCode(200).body("name", equalTo("Qnet Bornholm"));

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"municipalityCodes\":[\"9999\"]}").put("/api/v1/networks/Bad Id")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("networkId", "name", "municipalityCodes[0]"));
        given().auth().oauth2(TestTokens.coordinator("net-odense")).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"municipalityCodes\":[\"0461\"]}").put("/api/v1/networks/net-odense").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{}").put("/api/v1/networks/net-odense").then().statusCode(401);
        given().get("/api/v1/networks/net-nowhere").then().statusCode(404);
    }
}
