package dk.qnet.testing;

import static io.restassured.RestAssured.given;

import java.util.Arrays;

/** Reads a service's own /q/metrics, as Prometheus would. */
public final class PrometheusText {

    private PrometheusText() {
    }

    public static String scrape() {
        return given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sum of a metric's samples whose labels contain every fragment (e.g. {@code consumer="x"}); -1 when it has none. */
    public static double sum(String text, String name, String... labelFragments) {
        double total = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            String labels = line.startsWith(name + "{") ? line.substring(name.length(), line.lastIndexOf('}') + 1) : "";
            if (Arrays.stream(labelFragments).allMatch(labels::contains)) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        return found ? total : -1;
    }
}
