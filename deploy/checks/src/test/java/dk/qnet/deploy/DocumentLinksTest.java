package dk.qnet.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository stands on its own: every relative link in its Markdown documents names a file
 * inside the repository that exists. A link to a folder beside the clone would break for anyone
 * who cloned it somewhere else.
 */
class DocumentLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void everyRelativeLinkResolvesInsideTheRepository() throws IOException {
        Path root = Path.of(System.getProperty("qnet.project.root", "../..")).toAbsolutePath().normalize();
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path doc : markdown(root)) {
            Matcher m = LINK.matcher(Files.readString(doc));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
                    continue;
                }
                String file = target.replaceFirst("#.*$", "");
                Path resolved = doc.getParent().resolve(file).normalize();
                checked++;
                if (!resolved.startsWith(root)) {
                    broken.add(root.relativize(doc) + ": " + target + " points outside the repository");
                } else if (!Files.exists(resolved)) {
                    broken.add(root.relativize(doc) + ": " + target + " does not exist");
                }
            }
        }
        assertEquals(List.of(), broken, "broken links among " + checked);
    }

    private static List<Path> markdown(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> {
                        String rel = root.relativize(p).toString();
                        return !rel.startsWith(".") && !rel.contains("/target/") && !rel.contains("node_modules");
                    })
                    .sorted().toList();
        }
    }
}
