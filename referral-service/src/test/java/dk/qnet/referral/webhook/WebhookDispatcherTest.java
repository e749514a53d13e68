package dk.qnet.referral.webhook;

import static dk.qnet.referral.ReferralFixtures.create;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dk.qnet.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookDispatcherTest {

    record Received(String id, String body, String timestamp, String signature) {
    }

    /**
     * The receiver's check, written from the Standard Webhooks specification rather than taken
     * from the sender: HMAC-SHA256, keyed by the base64 after {@code whsec_}, over
     * {@code id.timestamp.body}, sent as {@code v1,<base64>} (one of a space-separated list).
     */
    static boolean verifies(String secret, Received r) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(java.util.Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + java.util.Base64.getEncoder().encodeToString(
                mac.doFinal((r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
        return java.util.Arrays.asList(r.signature().split(" ")).contains(expected);
    }

    @Test
    void statusChangesArePostedSignedAndRetriedUntilTheReceiverAccepts() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        List<String> attemptIds = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            // The first two attempts fail, as a receiver that is briefly down would.
            int n = calls.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = n <= 2 ? 503 : 204;
            String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
            attemptIds.add(webhookId);
            if (status == 204) {
                received.add(new Received(webhookId, body, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature")));
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
                assertTrue(secret.startsWith("whsec_"), "a Standard Webhooks secret");
                assertTrue(verifies(secret, r), "the receiver verifies the signature as Standard Webhooks does");
                assertTrue(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(r.timestamp())) < 120);
                assertTrue(r.body().contains(id));
                assertTrue(!r.body().contains("Amira") && !r.body().contains("4520304050"), "only id and status travel");
            }
            assertTrue(received.stream().anyMatch(r -> r.body().contains("\"RECEIVED\"")));
            assertTrue(received.stream().anyMatch(r -> r.body().contains("\"ACCEPTED\"")));
            // Another secret, another id or a changed body does not verify.
            Received first = received.get(0);
            assertTrue(!verifies("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]), first));
            assertTrue(!verifies(secret, new Received(first.id() + "x", first.body(), first.timestamp(), first.signature())));
            assertTrue(!verifies(secret, new Received(first.id(), first.body() + " ", first.timestamp(), first.signature())));
            // Each message has its own id, and a retry repeats it, so a receiver can drop duplicates.
            assertEquals(2, received.stream().map(Received::id).distinct().count(), "one id per status change");
            assertTrue(attemptIds.subList(0, 2).stream().allMatch(received.stream().map(Received::id).toList()::contains),
                    "the failed attempts carried the id their retry delivered: " + attemptIds);
        } finally {
            receiver.stop(0);
        }
    }

    @Inject
    EntityManager em;

    @Test
    void aFailedDeliveryKeepsOnlyACodeAndTheSigningSecretIsSealed() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] banner = "Internal admin console 4.2 at 10.0.3.7".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, banner.length);
            exchange.getResponseBody().write(banner);
            exchange.close();
        });
        receiver.start();
        try {
            String orgId = "hook-coded-" + UUID.randomUUID().toString().substring(0, 8);
            String shelter = TestTokens.shelter(orgId);
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            String secret = given().auth().oauth2(shelter).contentType(ContentType.JSON).body("{\"url\":\"" + url + "\"}")
                    .put("/api/v1/webhook").then().statusCode(200).extract().path("secret");
            String row = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                    "select s::text from webhook_subscription s where org_id = ?1").setParameter(1, orgId).getSingleResult());
            assertFalse(row.contains(secret), "the signing secret is stored sealed, not in plain text");

            create(shelter, "0461");
            String error = await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<String> errors = em.createNativeQuery("select last_error from webhook_delivery where org_id = ?1 and last_error is not null")
                        .setParameter(1, orgId).getResultList();
                return errors.isEmpty() ? null : errors.get(0);
            }), org.hamcrest.Matchers.notNullValue());
            assertEquals("HTTP_5XX", error, "a code, never what the receiver sent");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void registrationsAreValidatedAndScopedToTheOrganisation() {
        String shelter = TestTokens.shelter("hook-validation");
        for (String bad : List.of("", "not a url", "ftp://example.org/x", "http://user:pw@example.org/x", "/relative",
                // Never the suite's own network (SSRF): private, link-local, cluster names, mapped forms.
                "https://10.0.0.8/x", "https://169.254.169.254/latest/meta-data", "https://[fd00::1]/x", "https://[::ffff:10.0.0.1]/x",
                "https://192.168.1.10:8081/api/v1/referrals", "https://referral-service.qnet.svc.cluster.local/x", "https://kubernetes/x")) {
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
