package dk.qnet.bench.simulation;

import dk.qnet.contracts.Municipalities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where people live: the demo networks of matching-service (read from its seed migration) and a
 * population weight per municipality. Weights: the regions' populations (Statistics Denmark,
 * 2024, thousands), with the four largest cities at their own size and the rest of each region
 * spread evenly over its other municipalities. An approximation, stated in BENCHMARKS.md.
 */
final class Geography {

    /** By region code: Hovedstaden, Sjælland, Syddanmark, Midtjylland, Nordjylland. */
    static final Map<String, Integer> REGION_POPULATION = Map.of(
            "1084", 1890, "1085", 851, "1083", 1231, "1082", 1357, "1081", 594);
    static final Map<String, Integer> CITY_POPULATION = Map.of("0101", 660, "0751", 367, "0851", 222, "0461", 208);

    private final Map<String, String> networkOf;
    private final List<String> codes = new ArrayList<>();
    private final double[] cumulative;

    private Geography(Map<String, String> networkOf) {
        this.networkOf = networkOf;
        Map<String, List<String>> byRegion = new TreeMap<>();
        Municipalities.all().keySet().stream().sorted()
                .forEach(code -> byRegion.computeIfAbsent(Municipalities.regionOf(code).orElseThrow(), k -> new ArrayList<>()).add(code));
        Map<String, Double> weight = new HashMap<>();
        byRegion.forEach((region, list) -> {
            double rest = REGION_POPULATION.get(region);
            int others = 0;
            for (String code : list) {
                if (CITY_POPULATION.containsKey(code)) {
                    rest -= CITY_POPULATION.get(code);
                } else {
                    others++;
                }
            }
            for (String code : list) {
                weight.put(code, CITY_POPULATION.containsKey(code) ? CITY_POPULATION.get(code) : rest / others);
            }
        });
        cumulative = new double[weight.size()];
        double sum = 0;
        int i = 0;
        for (String code : new TreeMap<>(weight).keySet()) {
            sum += weight.get(code);
            codes.add(code);
            cumulative[i++] = sum;
        }
        for (int k = 0; k < cumulative.length; k++) {
            cumulative[k] /= sum;
        }
    }

    /** The networks of the demo seed: municipality code → network id. */
    static Geography fromSeed(Path repositoryRoot) throws IOException {
        Path seed = repositoryRoot.resolve("matching-service/src/main/resources/db/migration/V11__networks.sql");
        Matcher m = Pattern.compile("\\('(net-[a-z-]+)', '([0-9]{4})'\\)").matcher(Files.readString(seed));
        Map<String, String> networkOf = new HashMap<>();
        while (m.find()) {
            // Where a municipality has two networks, the first in the seed takes its referrals here.
            networkOf.putIfAbsent(m.group(2), m.group(1));
        }
        if (networkOf.size() != Municipalities.all().size()) {
            throw new IllegalStateException("the seed covers " + networkOf.size() + " municipalities, not " + Municipalities.all().size());
        }
        return new Geography(networkOf);
    }

    static Path findRepositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("matching-service/pom.xml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the repository");
        }
        return dir;
    }

    String municipality(Random r) {
        double x = r.nextDouble();
        for (int i = 0; i < cumulative.length; i++) {
            if (x < cumulative[i]) {
                return codes.get(i);
            }
        }
        return codes.get(codes.size() - 1);
    }

    String networkOf(String municipalityCode) {
        return networkOf.get(municipalityCode);
    }
}
