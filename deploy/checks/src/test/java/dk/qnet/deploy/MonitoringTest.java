package dk.qnet.deploy;

import static dk.qnet.deploy.DeploymentChecksTest.readAll;
import static dk.qnet.deploy.DeploymentChecksTest.root;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and the dashboard name only metrics that exist: the suite's own, read from the
 * code that registers them (with Prometheus' suffixes), and the few that Quarkus and the Kafka
 * client export, which the services' tests scrape.
 */
class MonitoringTest {

    /** Exported by Quarkus (HTTP server) and the Kafka client binder, not by our code. */
    static final Set<String> PLATFORM_METRICS = Set.of("http_server_requests_seconds_count", "kafka_consumer_fetch_manager_records_lag_max");

    static Set<String> registered;

    @BeforeAll
    static void load() throws IOException {
        DeploymentChecksTest.load();
        registered = registeredMetrics();
    }

    /** Every {@code qnet.*} meter the code registers, as Prometheus names it. */
    static Set<String> registeredMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern meter = Pattern.compile("(Counter\\.builder|\\.counter|Gauge\\.builder)\\(\"(qnet\\.[a-z.]+)\"([^;]*);", Pattern.DOTALL);
        for (String module : List.of("platform", "platform-pages", "referral-service", "matching-service", "activity-service", "statistics-service")) {
            try (Stream<Path> files = Files.walk(root.resolve(module + "/src/main/java"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = meter.matcher(Files.readString(f));
                    while (m.find()) {
                        String base = m.group(2).replace('.', '_');
                        boolean counter = !m.group(1).startsWith("Gauge");
                        String unit = m.group(3).contains("baseUnit(\"seconds\")") ? "_seconds" : "";
                        names.add(base + unit + (counter ? "_total" : ""));
                    }
                }
            }
        }
        return names;
    }

    static Set<String> metricsIn(String expr) {
        Set<String> used = new TreeSet<>();
        Matcher m = Pattern.compile("\\b(qnet_[a-z_]+|http_[a-z_]+|kafka_[a-z_]+)\\b").matcher(expr);
        while (m.find()) {
            used.add(m.group(1));
        }
        return used;
    }

    @Test
    void theCodeRegistersTheOnCallMetrics() {
        for (String wanted : List.of("qnet_outbox_backlog", "qnet_outbox_oldest_age_seconds", "qnet_outbox_published_total",
                "qnet_outbox_publish_failures_total", "qnet_dead_letters_total", "qnet_inbox_duplicates_total", "qnet_inbox_applied_total",
                "qnet_webhook_deliveries_total", "qnet_webhook_pending", "qnet_audit_appends_total")) {
            assertTrue(registered.contains(wanted), wanted + " in " + registered);
        }
    }

    @Test
    void everyAlertIsOnAMetricThatExists() throws IOException {
        JsonNode rules = readAll(root.resolve("deploy/monitoring/qnet-alerts.yaml")).get(0);
        List<String> alerts = new ArrayList<>();
        for (JsonNode group : rules.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String name = rule.path("alert").asText();
                alerts.add(name);
                Set<String> used = metricsIn(rule.path("expr").asText());
                assertFalse(used.isEmpty(), name + " watches a metric");
                for (String metric : used) {
                    assertTrue(registered.contains(metric) || PLATFORM_METRICS.contains(metric), name + " watches " + metric + ", which nothing exports");
                }
                assertTrue(Set.of("page", "warning").contains(rule.path("labels").path("severity").asText()), name + " has a severity");
                assertFalse(rule.path("annotations").path("summary").asText().isBlank(), name + " says what is wrong");
            }
        }
        for (String needed : List.of("QnetOutboxBacklogOld", "QnetDeadLetters", "QnetWebhookGivenUp")) {
            assertTrue(alerts.contains(needed), needed);
        }
    }

    @Test
    void everyDashboardPanelShowsMetricsThatExist() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(root.resolve("deploy/monitoring/qnet-dashboard.json").toFile());
        assertTrue(dashboard.path("panels").size() >= 8);
        Set<String> shown = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                for (String metric : metricsIn(target.path("expr").asText())) {
                    assertTrue(registered.contains(metric) || PLATFORM_METRICS.contains(metric), panel.path("title") + " shows " + metric);
                    shown.add(metric);
                }
            }
        }
        Set<String> notShown = new TreeSet<>(registered);
        notShown.removeAll(shown);
        assertEquals(Set.of(), notShown, "every metric of the suite is on the dashboard");
    }
}
