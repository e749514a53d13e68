package dk.qnet.platform.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API-wide limit on a real Vert.x router, with a limit of two calls a minute. */
class ApiRateLimitTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    Vertx vertx;
    HttpServer server;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        new ApiRateLimit(2, new ObjectMapper()).register(router);
        router.route("/api/v1/own").handler(ctx -> ctx.response()
                .putHeader(RateLimitAnswer.POLICY_HEADER, "\"intake\";q=40;w=60").putHeader(RateLimitAnswer.STATE_HEADER, "\"intake\";r=39;t=2").end("own"));
        router.route("/api/*").handler(ctx -> ctx.response().end("served"));
        router.route("/sider/*").handler(ctx -> ctx.response().end("page"));
        server = vertx.createHttpServer().requestHandler(router).listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCallerPastTheLimitIsToldToWaitAndNothingIsDone() throws Exception {
        HttpResponse<String> first = get("/api/v1/referrals", "token-a");
        assertEquals(200, first.statusCode());
        assertEquals("\"api\";q=2;w=60", first.headers().firstValue("RateLimit-Policy").orElseThrow());
        assertTrue(first.headers().firstValue("RateLimit").orElseThrow().matches("\"api\";r=1;t=[0-9]+"), first.headers().toString());
        assertEquals(200, get("/api/v1/referrals", "token-a").statusCode());

        HttpResponse<String> refused = get("/api/v1/referrals", "token-a");
        assertEquals(429, refused.statusCode());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertTrue(refused.headers().firstValue("RateLimit").orElseThrow().matches("\"api\";r=0;t=[1-9][0-9]*"));
        JsonNode problem = new ObjectMapper().readTree(refused.body());
        assertEquals(429, problem.path("status").asInt());
        assertFalse(refused.body().contains("token-a"));

        // Another caller is not held by the first.
        assertEquals(200, get("/api/v1/referrals", "token-b").statusCode());
    }

    @Test
    void withoutATokenTheAddressIsTheCaller() throws Exception {
        assertEquals(200, get("/api/v1/statistics/headline", null).statusCode());
        assertEquals(200, get("/api/v1/statistics/headline", null).statusCode());
        assertEquals(429, get("/api/v1/statistics/headline", null).statusCode());
        assertEquals(200, get("/api/v1/statistics/headline", "token-c").statusCode());
    }

    @Test
    void aNarrowerLimitOfTheOperationIsTheOneNamedAndThePagesAreNotTheApi() throws Exception {
        HttpResponse<String> own = get("/api/v1/own", "token-d");
        assertEquals("\"intake\";q=40;w=60", own.headers().firstValue("RateLimit-Policy").orElseThrow());
        assertEquals(1, own.headers().allValues("RateLimit-Policy").size());
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> page = get("/sider/henvisninger", "token-d");
            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("RateLimit-Policy").isEmpty());
        }
    }

    @Test
    void aTokenIsKeptOnlyAsAHash() {
        String caller = ApiRateLimit.callerOf("Bearer secret-token");
        assertTrue(caller.startsWith("token:") && !caller.contains("secret"), caller);
        assertEquals(caller, ApiRateLimit.callerOf("Bearer secret-token"));
    }
}
