package dk.qnet.contracts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The 98 Danish municipalities, by their 4-digit code (as text: "0101"). */
public final class Municipalities {

    public record Municipality(String code, String name, String regionCode, String regionName) {
    }

    private static final Map<String, Municipality> BY_CODE = load();

    private Municipalities() {
    }

    public static boolean isValid(String code) {
        return code != null && BY_CODE.containsKey(code);
    }

    public static Optional<Municipality> byCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    /** The region code of a municipality. */
    public static Optional<String> regionOf(String code) {
        return byCode(code).map(Municipality::regionCode);
    }

    public static Map<String, Municipality> all() {
        return BY_CODE;
    }

    private static Map<String, Municipality> load() {
        Map<String, Municipality> map = new LinkedHashMap<>();
        try (InputStream in = Municipalities.class.getResourceAsStream("municipalities.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                map.put(f[0], new Municipality(f[0], f[1], f[2], f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(map);
    }
}
