package dk.qnet.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Keycloak server distribution ({@code keycloak-quarkus-dist} from Maven Central), downloaded
 * once and unpacked into a cache outside git. The local Maven repository is used when it has it.
 */
public final class KeycloakDistribution {

    /** The root pom's {@code keycloak.version}, filled into qnet-stack.properties by the build. */
    public static final String VERSION = StackVersions.get("keycloak.version");
    private static final String PATH = "org/keycloak/keycloak-quarkus-dist/" + VERSION + "/keycloak-quarkus-dist-" + VERSION + ".zip";
    private static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private KeycloakDistribution() {
    }

    /** The home of an unpacked distribution in {@code cacheDir}, downloading it if needed. */
    public static Path ensure(Path cacheDir, PrintStream progress) throws IOException, InterruptedException {
        Path home = cacheDir.resolve("keycloak-" + VERSION);
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return home;
        }
        Files.createDirectories(cacheDir);
        Path zip = localMavenCopy();
        if (zip == null) {
            zip = cacheDir.resolve("keycloak-quarkus-dist-" + VERSION + ".zip");
            if (!Files.exists(zip)) {
                download(URI.create(CENTRAL + PATH), zip, progress);
                verify(zip, fetchText(URI.create(CENTRAL + PATH + ".sha1")), progress);
            }
        }
        progress.println("Unpacking Keycloak " + VERSION + " into " + home);
        Path staging = Files.createTempDirectory(cacheDir, "keycloak-unpack");
        unzip(zip, staging);
        try (Stream<Path> top = Files.list(staging)) {
            Path root = top.filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new IOException("The Keycloak zip has no top folder"));
            for (String script : new String[] {"kc.sh", "kcadm.sh", "kcreg.sh"}) {
                Path p = root.resolve("bin").resolve(script);
                if (Files.exists(p)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
            Files.move(root, home, StandardCopyOption.ATOMIC_MOVE);
        }
        deleteTree(staging);
        return home;
    }

    private static Path localMavenCopy() {
        Path repo = Path.of(System.getProperty("user.home"), ".m2", "repository");
        Path zip = repo.resolve(PATH);
        return Files.isRegularFile(zip) ? zip : null;
    }

    private static void download(URI uri, Path target, PrintStream progress) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20))
                .build();
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IOException("Download of Keycloak failed: HTTP " + response.statusCode() + " from " + uri);
        }
        long total = response.headers().firstValueAsLong("content-length").orElse(-1);
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(part)) {
            byte[] buffer = new byte[1 << 16];
            long done = 0;
            int lastShown = -1;
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                done += n;
                int mb = (int) (done >> 20);
                if (mb != lastShown && mb % 5 == 0) {
                    lastShown = mb;
                    String of = total > 0 ? " of " + (total >> 20) + " MB" : " MB";
                    progress.print("\rDownloading Keycloak " + VERSION + ": " + mb + of + "   ");
                    progress.flush();
                }
            }
        }
        progress.println();
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The zip's SHA-1 against the one Maven Central publishes beside it; a mismatch deletes the zip and stops. */
    static void verify(Path zip, String published, PrintStream progress) throws IOException {
        String expected = published.trim().split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
        String actual = sha1(zip);
        if (!actual.equals(expected)) {
            Files.deleteIfExists(zip);
            throw new IOException("The Keycloak download is damaged: SHA-1 " + actual + ", Maven Central says " + expected
                    + ". It was deleted; run ./qnet up again.");
        }
        progress.println("Keycloak " + VERSION + " download checked: SHA-1 " + actual);
    }

    static String sha1(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-1");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fetchText(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20)).build()
                .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("No checksum for the Keycloak download: HTTP " + response.statusCode() + " from " + uri);
        }
        return response.body();
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("Refusing zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
