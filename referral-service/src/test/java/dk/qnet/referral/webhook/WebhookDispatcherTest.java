package dk.qnet.referral.webhook;

import static dk.qnet.referral.ReferralFixtures.create;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dk.qnet.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookDispatcherTest {

    record Received(String body, String timestamp, String signature) {
    }

    @Test
    void statusChangesArePostedSignedAndRetriedUntilTheReceiverAccepts() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            // The first two attempts fail, as a receiver that is briefly down would.
            int n = calls.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = n <= 2 ? 503 : 204;
            if (status == 204) {
                received.add(new Received(body, exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                        exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER)));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String shelter = TestTokens.shelter("hook-shelter");
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            String secret = given().auth().oauth2(shelter).contentType(ContentType.JSON).body("{\"url\":\"" + url + "\"}")
                    .put("/api/v1/webhook").then().statusCode(200).body("url", equalTo(url)).extract().path("secret");
            given().auth().oauth2(shelter).get("/api/v1/webhook").then().statusCode(200).body("url", equalTo(url))
                    .body("secret", org.hamcrest.Matchers.nullValue());

            String id = create(shelter, "0461");
            given().auth().oauth2(TestTokens.coordinator("net-odense")).post("/api/v1/referrals/" + id + "/accept").then().statusCode(200);

            await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 2);
            assertTrue(calls.get() >= 4, "two failed attempts, then the deliveries: " + calls.get());
            for (Received r : received) {
                assertEquals(WebhookSignature.sign(secret, Long.parseLong(r.timestamp()), r.body()), r.signature(),
                        "the receiver can verify the signature with its secret");
                assertTrue(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(r.timestamp())) < 120);
                assertTrue(r.body().contains(id));
                assertTrue(!r.body().contains("Amira") && !r.body().contains("4520304050"), "only id and status travel");
            }
            assertTrue(received.stream().anyMatch(r -> r.body().contains("\"RECEIVED\"")));
            assertTrue(received.stream().anyMatch(r -> r.body().contains("\"ACCEPTED\"")));
            // A signature made with another secret does not match.
            Received first = received.get(0);
            assertTrue(!WebhookSignature.sign("wrong", Long.parseLong(first.timestamp()), first.body()).equals(first.signature()));
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void registrationsAreValidatedAndScopedToTheOrganisation() {
        String shelter = TestTokens.shelter("hook-validation");
        for (String bad : List.of("", "not a url", "ftp://example.org/x", "http://user:pw@example.org/x", "/relative")) {
            given().auth().oauth2(shelter).contentType(ContentType.JSON).body("{\"url\":\"" + bad + "\"}")
                    .put("/api/v1/webhook").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"));
        }
        given().auth().oauth2(shelter).get("/api/v1/webhook").then().statusCode(404);
        given().auth().oauth2(shelter).delete("/api/v1/webhook").then().statusCode(404);
        given().auth().oauth2(TestTokens.coordinator("net-odense")).get("/api/v1/webhook").then().statusCode(403);
        given().get("/api/v1/webhook").then().statusCode(401);
    }
}
