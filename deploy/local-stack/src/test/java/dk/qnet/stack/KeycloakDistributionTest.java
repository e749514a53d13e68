package dk.qnet.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeycloakDistributionTest {

    @TempDir
    Path dir;

    @Test
    void theVersionComesFromTheBuild() {
        assertTrue(KeycloakDistribution.VERSION.matches("\\d+\\.\\d+\\.\\d+"), KeycloakDistribution.VERSION);
        assertEquals(KeycloakDistribution.VERSION, StackVersions.get("keycloak.version"));
        assertThrows(IllegalStateException.class, () -> StackVersions.get("no.such.version"));
    }

    @Test
    void aDownloadIsKeptOnlyWhenItsSha1IsTheOneMavenCentralPublishes() throws IOException {
        Path zip = Files.writeString(dir.resolve("kc.zip"), "abc");
        // SHA-1 of "abc"; Central's .sha1 files may carry the file name after the sum.
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        KeycloakDistribution.verify(zip, "a9993e364706816aba3e25717850c26c9cd0d89d  kc.zip\n", quiet);
        assertTrue(Files.exists(zip));

        IOException damaged = assertThrows(IOException.class,
                () -> KeycloakDistribution.verify(zip, "0000000000000000000000000000000000000000", quiet));
        assertTrue(damaged.getMessage().contains("damaged"), damaged.getMessage());
        assertFalse(Files.exists(zip), "a damaged download is deleted, so the next ./qnet up fetches it again");
    }
}
