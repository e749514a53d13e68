package dk.qnet.referral.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a webhook may be delivered: only to public addresses on the internet. A callback must
 * never reach the suite's own network: loopback, private, link-local (cloud metadata at
 * 169.254.169.254), carrier-grade NAT, multicast, reserved and documentation ranges, in IPv4 and
 * IPv6, also when an IPv4 address hides inside an IPv6 one (mapped, compatible, NAT64, 6to4).
 * Host names of the cluster (single labels, {@code .svc}, {@code .cluster.local},
 * {@code .internal}, {@code .local}, {@code localhost}) are refused by name.
 *
 * <p>The host is resolved at send time and the connection goes to the address that was checked
 * ({@link #resolve} is the HTTP client's only resolver), so a name that changes its answer
 * between the check and the connect (DNS rebinding) gains nothing.
 *
 * <p>{@code allowLoopback} is for local runs and tests only: a receiver on this machine.
 */
public final class CallbackAddresses {

    /** Why a callback host is refused; the code is what a delivery stores. */
    public static final class NotAllowedException extends UnknownHostException {
        public NotAllowedException(String reason) {
            super(reason);
        }
    }

    private static final List<String> INTERNAL_SUFFIXES = List.of(".svc", ".cluster.local", ".internal", ".local", ".localhost",
            ".localdomain", ".home.arpa", ".lan", ".intranet", ".corp");

    private final boolean allowLoopback;
    private final Function<String, InetAddress[]> dns;

    public CallbackAddresses(boolean allowLoopback) {
        this(allowLoopback, CallbackAddresses::systemResolve);
    }

    /** With another resolver, for tests. */
    public CallbackAddresses(boolean allowLoopback, Function<String, InetAddress[]> dns) {
        this.allowLoopback = allowLoopback;
        this.dns = dns;
    }

    /** Refuses, by its name or literal address alone, a host no webhook may go to; empty when it may be tried. */
    public Optional<String> refusedByName(String host) {
        if (host == null || host.isBlank()) {
            return Optional.of("has no host");
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (isIpLiteral(h)) {
            try {
                InetAddress address = InetAddress.getByName(h);
                return isAllowed(address) ? Optional.empty() : Optional.of("must be a public address, not " + kind(address));
            } catch (UnknownHostException e) {
                return Optional.of("is not a valid address");
            }
        }
        if (h.equals("localhost")) {
            return allowLoopback ? Optional.empty() : Optional.of("must be a public host, not localhost");
        }
        if (!h.contains(".")) {
            return Optional.of("must be a fully qualified public host name");
        }
        for (String suffix : INTERNAL_SUFFIXES) {
            if (h.endsWith(suffix)) {
                return Optional.of("must be a public host, not an internal name (" + suffix + ")");
            }
        }
        return Optional.empty();
    }

    /** The host's addresses, every one checked; refused if any is not allowed. */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        Optional<String> refused = refusedByName(host);
        if (refused.isPresent()) {
            throw new NotAllowedException(refused.get());
        }
        InetAddress[] addresses = dns.apply(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException("no address");
        }
        for (InetAddress a : addresses) {
            if (!isAllowed(a)) {
                // One bad answer spoils the name: the client could otherwise pick it on a retry.
                throw new NotAllowedException("resolves to " + kind(a));
            }
        }
        return addresses;
    }

    boolean isAllowed(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return allowLoopback;
        }
        return isPublic(address);
    }

    /** Whether an address is on the public internet: no loopback, private, link-local or reserved range. */
    public static boolean isPublic(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            return isPublicV4(v4.getAddress());
        }
        byte[] b = address.getAddress();
        Optional<byte[]> embedded = embeddedV4((Inet6Address) address);
        if (embedded.isPresent()) {
            return isPublicV4(embedded.get());
        }
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return false; // fc00::/7 unique local
        }
        if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return false; // 2001:db8::/32 documentation
        }
        if (first == 0x01 && second == 0x00 && allZero(b, 2, 8)) {
            return false; // 100::/64 discard
        }
        // Global unicast lies in 2000::/3; anything else is reserved.
        return (first & 0xe0) == 0x20;
    }

    static boolean isPublicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return !(a0 == 0 || a0 == 10 || a0 == 127
                || a0 == 100 && a1 >= 64 && a1 <= 127          // 100.64.0.0/10 carrier-grade NAT
                || a0 == 169 && a1 == 254                       // link-local, cloud metadata
                || a0 == 172 && a1 >= 16 && a1 <= 31
                || a0 == 192 && a1 == 168
                || a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2) // IETF protocol assignments, TEST-NET-1
                || a0 == 192 && a1 == 88 && a2 == 99            // 6to4 relay anycast
                || a0 == 198 && (a1 == 18 || a1 == 19)          // benchmarking
                || a0 == 198 && a1 == 51 && a2 == 100
                || a0 == 203 && a1 == 0 && a2 == 113
                || a0 >= 224);                                  // multicast, reserved, broadcast
    }

    /** An IPv4 address carried inside an IPv6 one: IPv4-compatible, IPv4-mapped, NAT64 (64:ff9b::/96) or 6to4 (2002::/16). */
    static Optional<byte[]> embeddedV4(Inet6Address address) {
        byte[] b = address.getAddress();
        boolean compatible = allZero(b, 0, 12) && !(allZero(b, 12, 15) && ((b[15] & 0xff) <= 1));
        boolean mapped = allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12);
        if (compatible || mapped || nat64) {
            return Optional.of(new byte[] {b[12], b[13], b[14], b[15]});
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return Optional.of(new byte[] {b[2], b[3], b[4], b[5]});
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpLiteral(String h) {
        return h.contains(":") || h.matches("[0-9.]+");
    }

    private static String kind(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (a.isLinkLocalAddress() || a instanceof Inet4Address && (a.getAddress()[0] & 0xff) == 169) {
            return "a link-local address";
        }
        if (a.isMulticastAddress()) {
            return "a multicast address";
        }
        return "a private or reserved address";
    }

    private static InetAddress[] systemResolve(String host) {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return new InetAddress[0];
        }
    }
}
