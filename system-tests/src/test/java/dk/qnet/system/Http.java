package dk.qnet.system;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The system tests' HTTP client. It speaks HTTP/1.1 only: the JDK client otherwise offers an h2c upgrade on
 * every plain-text request, and Vert.x's answer to an upgrade racing a second request on the same connection
 * once failed a run with "Frame type(32) ... exceeds MAX_FRAME_SIZE" (CI of b3f41a8). The services are
 * reached over HTTP/1.1 behind the ingress too.
 */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private Http() {
    }

    static HttpClient client() {
        return CLIENT;
    }
}
