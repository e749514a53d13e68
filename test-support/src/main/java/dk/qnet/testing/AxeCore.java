package dk.qnet.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core, the accessibility checker, from the npm registry (a pinned version, its checksum
 * verified), cached under ~/.cache/qnet. Runs in the page and returns the violations that are
 * serious or critical.
 */
public final class AxeCore {

    static final String VERSION = "4.10.3";
    static final String SHA256 = "0f2b4d7dcdf7d1219df8d1959ad68e565f51d14c3f0d88bb71cd59abeb956292";
    private static String script;

    private AxeCore() {
    }

    /** The serious and critical violations on the current page, as "rule: target" lines. */
    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(JavascriptExecutor page) {
        page.executeScript(script());
        Map<String, Object> result = (Map<String, Object>) page.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(r => done(r)).catch(e => done({error: String(e)}));
                """);
        if (result.containsKey("error")) {
            throw new IllegalStateException("axe-core failed: " + result.get("error"));
        }
        List<String> found = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result.get("violations")) {
            String impact = String.valueOf(v.get("impact"));
            if (impact.equals("serious") || impact.equals("critical")) {
                for (Map<String, Object> node : (List<Map<String, Object>>) v.get("nodes")) {
                    found.add(v.get("id") + " (" + impact + "): " + node.get("target") + " " + v.get("help"));
                }
            }
        }
        return found;
    }

    static synchronized String script() {
        if (script == null) {
            try {
                script = load();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("could not get axe-core " + VERSION + ": " + e.getMessage(), e);
            }
        }
        return script;
    }

    private static String load() throws IOException, InterruptedException {
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "qnet", "axe-core-" + VERSION + ".tgz");
        if (!Files.exists(cache) || !sha256(Files.readAllBytes(cache)).equals(SHA256)) {
            HttpResponse<byte[]> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build().send(
                    HttpRequest.newBuilder(URI.create("https://registry.npmjs.org/axe-core/-/axe-core-" + VERSION + ".tgz")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200 || !sha256(response.body()).equals(SHA256)) {
                throw new IOException("the npm registry gave status " + response.statusCode() + " or a different file");
            }
            Files.createDirectories(cache.getParent());
            Files.write(cache, response.body());
        }
        return fileFromTar(Files.readAllBytes(cache), "package/axe.min.js");
    }

    /** Reads one file out of a gzipped tar (ustar headers of 512 bytes, sizes in octal). */
    static String fileFromTar(byte[] tgz, String wanted) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(tgz))) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512) {
                String name = new String(header, 0, 100, StandardCharsets.UTF_8).replace("\0", "");
                if (name.isEmpty()) {
                    break;
                }
                long size = Long.parseLong(new String(header, 124, 12, StandardCharsets.US_ASCII).replace("\0", "").trim(), 8);
                byte[] body = in.readNBytes((int) size);
                in.readNBytes((int) ((512 - size % 512) % 512));
                if (name.equals(wanted)) {
                    return new String(body, StandardCharsets.UTF_8);
                }
            }
        }
        throw new IOException(wanted + " is not in the archive");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
