package dk.qnet.referral.webhook;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Posts one webhook, connecting only to addresses {@link CallbackAddresses} has checked: it is the
 * client's only DNS resolver, so the checked address is the one connected to. No redirects, no
 * retries inside one attempt, no proxy from the environment; the answer's body is never read.
 */
public final class WebhookSender implements AutoCloseable {

    private final CloseableHttpClient http;

    public WebhookSender(CallbackAddresses addresses, Duration timeout) {
        Timeout t = Timeout.of(timeout.toMillis(), TimeUnit.MILLISECONDS);
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new org.apache.hc.client5.http.DnsResolver() {
                            @Override
                            public java.net.InetAddress[] resolve(String host) throws UnknownHostException {
                                return addresses.resolve(host);
                            }

                            @Override
                            public String resolveCanonicalHostname(String host) {
                                return host;
                            }
                        })
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t).build())
                        .setMaxConnTotal(20).setMaxConnPerRoute(2)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(t).setRedirectsEnabled(false).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("Qnet-Webhooks/1")
                .build();
    }

    /** Empty when the receiver answered 2xx; otherwise the coded failure. */
    public Optional<DeliveryError> post(URI url, Map<String, String> headers, String body) {
        HttpPost post = new HttpPost(url);
        headers.forEach(post::setHeader);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        try {
            int status = http.execute(post, response -> response.getCode());
            return status >= 200 && status < 300 ? Optional.empty() : Optional.of(DeliveryError.ofStatus(status));
        } catch (CallbackAddresses.NotAllowedException e) {
            return Optional.of(DeliveryError.ADDRESS_NOT_ALLOWED);
        } catch (UnknownHostException e) {
            return Optional.of(DeliveryError.UNKNOWN_HOST);
        } catch (InterruptedIOException e) { // connect, socket and response timeouts
            return Optional.of(DeliveryError.TIMEOUT);
        } catch (ConnectException e) {
            return Optional.of(DeliveryError.CONNECT_FAILED);
        } catch (SSLException e) {
            return Optional.of(DeliveryError.TLS_FAILED);
        } catch (IOException | RuntimeException e) {
            return Optional.of(DeliveryError.OTHER);
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
