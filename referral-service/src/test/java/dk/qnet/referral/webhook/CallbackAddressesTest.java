package dk.qnet.referral.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The SSRF guard: which callback hosts are refused, and that the sender connects only to checked addresses. */
class CallbackAddressesTest {

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void internalAddressesAreRefusedInEveryForm() {
        CallbackAddresses production = new CallbackAddresses(false);
        for (String host : List.of("127.0.0.1", "127.1.2.3", "10.0.0.8", "172.16.4.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                "0.0.0.0", "224.0.0.1", "255.255.255.255", "[::1]", "[::]", "[fe80::1]", "[fd00::1]", "[fc00::5]", "[ff02::1]",
                "[::ffff:127.0.0.1]", "[::ffff:10.0.0.1]", "[::ffff:169.254.169.254]", "[64:ff9b::a00:1]", "[2002:a00:1::]",
                "[2001:db8::1]", "localhost", "kubernetes", "referral-service", "referral-service.qnet.svc",
                "postgres.qnet.svc.cluster.local", "metadata.google.internal", "printer.local", "LOCALHOST.")) {
            assertTrue(production.refusedByName(host).isPresent(), host + " must be refused");
        }
        for (String host : List.of("hooks.example.org", "93.184.215.14", "[2606:4700::1111]", "case-system.kommune.dk")) {
            assertEquals(Optional.empty(), production.refusedByName(host), host + " is public");
        }
        // The local-test allowance opens loopback only, never the private ranges.
        CallbackAddresses local = new CallbackAddresses(true);
        assertEquals(Optional.empty(), local.refusedByName("127.0.0.1"));
        assertEquals(Optional.empty(), local.refusedByName("[::1]"));
        assertTrue(local.refusedByName("10.0.0.8").isPresent());
        assertTrue(local.refusedByName("169.254.169.254").isPresent());
    }

    @Test
    void aPublicNameThatResolvesToAnInternalAddressIsRefusedAtSendTime() {
        Map<String, InetAddress[]> dns = Map.of(
                "rebinding.example.org", new InetAddress[] {ip("93.184.215.14"), ip("10.1.2.3")},
                "metadata.example.org", new InetAddress[] {ip("169.254.169.254")},
                "mapped.example.org", new InetAddress[] {ip("::ffff:192.168.0.1")},
                "fine.example.org", new InetAddress[] {ip("93.184.215.14")});
        CallbackAddresses addresses = new CallbackAddresses(false, h -> dns.getOrDefault(h, new InetAddress[0]));
        assertThrows(CallbackAddresses.NotAllowedException.class, () -> addresses.resolve("rebinding.example.org"));
        assertThrows(CallbackAddresses.NotAllowedException.class, () -> addresses.resolve("metadata.example.org"));
        assertThrows(CallbackAddresses.NotAllowedException.class, () -> addresses.resolve("mapped.example.org"));
        assertThrows(UnknownHostException.class, () -> addresses.resolve("nowhere.example.org"));
        try {
            assertEquals(ip("93.184.215.14"), addresses.resolve("fine.example.org")[0]);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theSenderNeverConnectsToARefusedAddressAndConnectsToTheCheckedOne() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            calls.incrementAndGet();
            byte[] body = "internal banner: admin console v1.2".getBytes();
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        receiver.start();
        int port = receiver.getAddress().getPort();
        try {
            // A name whose DNS answer points at this machine: refused before any connection.
            Map<String, InetAddress[]> dns = Map.of("hooks.example.org", new InetAddress[] {ip("127.0.0.1")});
            try (WebhookSender production = new WebhookSender(new CallbackAddresses(false, h -> dns.getOrDefault(h, new InetAddress[0])),
                    Duration.ofSeconds(2))) {
                assertEquals(Optional.of(DeliveryError.ADDRESS_NOT_ALLOWED),
                        production.post(URI.create("http://hooks.example.org:" + port + "/hook"), Map.of(), "{}"));
                assertEquals(Optional.of(DeliveryError.ADDRESS_NOT_ALLOWED),
                        production.post(URI.create("http://127.0.0.1:" + port + "/hook"), Map.of(), "{}"));
                assertEquals(Optional.of(DeliveryError.ADDRESS_NOT_ALLOWED),
                        production.post(URI.create("http://[::ffff:127.0.0.1]:" + port + "/hook"), Map.of(), "{}"));
            }
            assertEquals(0, calls.get(), "no connection was made to a refused address");

            // Allowed locally: the connection goes to the address the check resolved (the name is
            // not resolved a second time: the system resolver does not know it), and only a code is kept.
            try (WebhookSender local = new WebhookSender(new CallbackAddresses(true, h -> dns.getOrDefault(h, new InetAddress[0])),
                    Duration.ofSeconds(2))) {
                Optional<DeliveryError> error = local.post(URI.create("http://hooks.example.org:" + port + "/hook"), Map.of(), "{}");
                assertEquals(Optional.of(DeliveryError.HTTP_5XX), error);
                assertFalse(error.get().name().contains("banner"));
            }
            assertEquals(1, calls.get());
        } finally {
            receiver.stop(0);
        }
    }
}
