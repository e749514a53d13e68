package dk.qnet.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The external parts' versions, as the build wrote them from the root pom into qnet-stack.properties. */
public final class StackVersions {

    private static final Properties VERSIONS = load();

    private StackVersions() {
    }

    public static String get(String name) {
        String value = VERSIONS.getProperty(name);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("qnet-stack.properties has no " + name + ": build deploy/local-stack with Maven");
        }
        return value;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = StackVersions.class.getResourceAsStream("/qnet-stack.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
