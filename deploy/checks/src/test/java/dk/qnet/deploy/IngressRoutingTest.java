package dk.qnet.deploy;

import static dk.qnet.deploy.DeploymentChecksTest.SERVICES;
import static dk.qnet.deploy.DeploymentChecksTest.kind;
import static dk.qnet.deploy.DeploymentChecksTest.named;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every path the suite serves reaches the service that serves it through the Ingress, on the right
 * host with TLS, and nothing else is routed. What is served is read from the code: each service's
 * OpenAPI document written by its build ({@code target/openapi/openapi.json}), the {@code @Path}s
 * of the page resources, and the static files and front-end libraries the pages load.
 *
 * <p>The Ingress is evaluated as ingress-nginx does: per host, an {@code Exact} path first, then the
 * longest {@code Prefix} that matches whole path elements. {@code ImplementationSpecific} (regular
 * expressions) is refused, so the model stays exact.
 */
class IngressRoutingTest {

    /** Pages, the dashboard and the calendar links: the host the OIDC client's redirect URIs name. */
    static final String PAGES_HOST = "qnet.example.org";
    /** Case systems and scripts. */
    static final String API_HOST = "api.qnet.example.org";
    static final String REDIRECT = "nginx.ingress.kubernetes.io/permanent-redirect";

    /** One routing rule of one Ingress: a service's port, or a redirect. */
    record Rule(String ingress, String host, String path, String pathType, String service, String port, String redirect) {
        boolean matches(String requestPath) {
            if (pathType.equals("Exact")) {
                return requestPath.equals(path);
            }
            String prefix = path.endsWith("/") ? path : path + "/";
            return path.equals("/") || requestPath.equals(path) || requestPath.startsWith(prefix);
        }

        String target() {
            return redirect != null ? "redirect " + redirect : service;
        }

        @Override
        public String toString() {
            return ingress + ": " + host + " " + pathType + " " + path + " -> " + target();
        }
    }

    /** A path some service serves, and every service that can answer it. */
    record Served(String path, Set<String> by, String source) {
    }

    static List<Rule> rules = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        DeploymentChecksTest.load();
        rules = rules(kind("Ingress"));
    }

    static List<Rule> rules(List<JsonNode> ingresses) {
        List<Rule> all = new ArrayList<>();
        for (JsonNode ingress : ingresses) {
            String name = ingress.path("metadata").path("name").asText();
            JsonNode redirect = ingress.path("metadata").path("annotations").path(REDIRECT);
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode p : rule.path("http").path("paths")) {
                    JsonNode backend = p.path("backend").path("service");
                    all.add(new Rule(name, rule.path("host").asText(), p.path("path").asText(), p.path("pathType").asText(),
                            backend.path("name").asText(), backend.path("port").path("name").asText(),
                            redirect.isMissingNode() ? null : redirect.asText()));
                }
            }
        }
        return all;
    }

    /** The rule ingress-nginx picks for a request, if any. */
    static Optional<Rule> route(List<Rule> rules, String host, String path) {
        List<Rule> forHost = rules.stream().filter(r -> r.host().equals(host)).toList();
        Optional<Rule> exact = forHost.stream().filter(r -> r.pathType().equals("Exact") && r.matches(path)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        return forHost.stream().filter(r -> r.pathType().equals("Prefix") && r.matches(path))
                .max(Comparator.comparingInt(r -> r.path().length()));
    }

    /** A template's parameters filled, as a request would have them. */
    static String concrete(String template) {
        return template.replaceAll("\\{[^}]+}", "x1");
    }

    /** Every API operation's path, from each service's build-time OpenAPI document. */
    static List<Served> apiPaths() throws IOException {
        List<Served> served = new ArrayList<>();
        for (String service : SERVICES) {
            Path doc = root.resolve(service + "/target/openapi/openapi.json");
            assertTrue(Files.exists(doc), doc + " is written by the service's build (run the build first: ./mvnw install)");
            JsonNode paths = new ObjectMapper().readTree(doc.toFile()).path("paths");
            assertTrue(paths.size() > 0, service + " documents operations");
            paths.fieldNames().forEachRemaining(p -> served.add(new Served(concrete(p), Set.of(service), service + " OpenAPI " + p)));
        }
        return served;
    }

    static final Pattern PATH = Pattern.compile("@Path\\(\"([^\"]*)\"\\)");
    /** A run of annotations ending in a public method. */
    static final Pattern RESOURCE_METHOD = Pattern.compile("((?:\\s*@\\w+(?:\\([^)]*\\))?)+)\\s*public\\s+[\\w.<>, ]+\\s+\\w+\\(");

    /** The pages: the {@code @Path}s of every resource in a {@code web} package; platform-pages' serve in every service with pages. */
    static List<Served> pagePaths() throws IOException {
        List<Served> served = new ArrayList<>();
        for (String module : modules()) {
            Set<String> by = servedBy(module);
            for (Path source : javaFiles(module)) {
                if (!source.getParent().getFileName().toString().equals("web")) {
                    continue;
                }
                String text = Files.readString(source);
                int classAt = text.indexOf(" class ");
                Matcher classPath = PATH.matcher(text);
                if (!classPath.find() || classPath.start() > classAt) {
                    continue;
                }
                String base = classPath.group(1);
                // Each resource method's annotations: its own @Path below the class's, or the class's path itself.
                Matcher method = RESOURCE_METHOD.matcher(text.substring(classAt));
                while (method.find()) {
                    String annotations = method.group(1);
                    if (!annotations.matches("(?s).*@(GET|POST|PUT|DELETE|PATCH)\\b.*")) {
                        continue;
                    }
                    Matcher own = PATH.matcher(annotations);
                    String full = own.find() ? base + (own.group(1).startsWith("/") ? "" : "/") + own.group(1) : base;
                    served.add(new Served(concrete(full), by, source.getFileName() + " " + full));
                }
            }
        }
        assertTrue(served.size() > 10, "page routes found: " + served);
        return served;
    }

    /** The static files each module ships, and the front-end libraries its pages load from /_static/. */
    static List<Served> staticPaths() throws IOException {
        List<Served> served = new ArrayList<>();
        Pattern library = Pattern.compile("\"(/_static/[^\"]+)\"");
        for (String module : modules()) {
            Set<String> by = servedBy(module);
            Path resources = root.resolve(module + "/src/main/resources");
            Path publicFiles = resources.resolve("META-INF/resources");
            if (Files.isDirectory(publicFiles)) {
                try (Stream<Path> files = Files.walk(publicFiles)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        String path = "/" + publicFiles.relativize(f).toString().replace('\\', '/');
                        served.add(new Served(path, by, module + " static file"));
                        if (path.equals("/index.html")) {
                            served.add(new Served("/", by, module + " index.html"));
                        }
                    }
                }
            }
            try (Stream<Path> files = Files.walk(resources)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                    Matcher m = library.matcher(Files.readString(f));
                    while (m.find()) {
                        served.add(new Served(m.group(1), by, f.getFileName() + " loads " + m.group(1)));
                    }
                }
            }
        }
        return served;
    }

    static List<String> modules() {
        List<String> modules = new ArrayList<>(SERVICES);
        modules.add("platform");
        modules.add("platform-pages");
        return modules;
    }

    /** A service serves its own files; platform's are in every service, the pages module's in those that take it. */
    static Set<String> servedBy(String module) throws IOException {
        if (module.equals("platform")) {
            return Set.copyOf(SERVICES);
        }
        if (module.equals("platform-pages")) {
            Set<String> withPages = new TreeSet<>();
            for (String service : SERVICES) {
                if (DeploymentChecksTest.hasPages(service)) {
                    withPages.add(service);
                }
            }
            return withPages;
        }
        return Set.of(module);
    }

    static List<Path> javaFiles(String module) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve(module + "/src/main/java"))) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** What must be routed, host by host. */
    static Map<String, List<Served>> required() throws IOException {
        Map<String, List<Served>> required = new LinkedHashMap<>();
        List<Served> api = apiPaths();
        List<Served> pages = new ArrayList<>(api);
        pages.addAll(pagePaths());
        pages.addAll(staticPaths());
        required.put(PAGES_HOST, pages);
        required.put(API_HOST, api);
        return required;
    }

    static List<String> misroutes(List<Rule> rules) throws IOException {
        List<String> wrong = new ArrayList<>();
        required().forEach((host, served) -> {
            // An address several services serve (/: the dashboard, and the pages' redirect on a service's own port) reaches one of them.
            Map<String, Set<String>> servers = new HashMap<>();
            served.forEach(s -> servers.computeIfAbsent(s.path(), p -> new TreeSet<>()).addAll(s.by()));
            for (Served s : served) {
                Optional<Rule> rule = route(rules, host, s.path());
                if (rule.isEmpty()) {
                    wrong.add(host + s.path() + " (" + s.source() + ") is not routed");
                } else if (rule.get().redirect() != null || !servers.get(s.path()).contains(rule.get().service())) {
                    wrong.add(host + s.path() + " (" + s.source() + ") goes to " + rule.get().target() + ", served by " + s.by());
                }
            }
        });
        return wrong;
    }

    @Test
    void everyOperationPageAndFileReachesAServiceThatServesIt() throws IOException {
        assertEquals(List.of(), misroutes(rules));
    }

    /** Every API resource (a {@code @Path} class outside the page packages) is in its service's OpenAPI document. */
    @Test
    void everyApiResourceIsInItsServicesOpenApiDocument() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String service : SERVICES) {
            Set<String> documented = new TreeSet<>();
            apiPaths().stream().filter(s -> s.by().contains(service)).forEach(s -> documented.add(s.path()));
            for (Path source : javaFiles(service)) {
                if (source.getParent().getFileName().toString().equals("web")) {
                    continue;
                }
                String text = Files.readString(source);
                Matcher m = PATH.matcher(text);
                if (m.find() && m.start() < text.indexOf(" class ")) {
                    String base = concrete(m.group(1));
                    if (documented.stream().noneMatch(p -> p.equals(base) || p.startsWith(base + "/"))) {
                        missing.add(service + " " + source.getFileName() + " " + m.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "resources missing from the OpenAPI documents");
    }

    /** The check can fail: the Ingress as it stood before this check routed a calendar path to matching-service and left pages out. */
    @Test
    void theCheckRefusesTheFormerIngress() throws IOException {
        JsonNode former = DeploymentChecksTest.readAll(root.resolve("deploy/checks/src/test/resources/former-ingress.yaml")).get(0);
        List<String> wrong = misroutes(rules(List.of(former)));
        assertTrue(wrong.stream().anyMatch(w -> w.contains("/api/v1/volunteers") && w.endsWith("is not routed")), String.join("\n", wrong));
        assertTrue(wrong.stream().anyMatch(w -> w.startsWith(PAGES_HOST + "/sider/matching ")), String.join("\n", wrong));
        assertTrue(wrong.stream().anyMatch(w -> w.startsWith(PAGES_HOST + "/ ")), String.join("\n", wrong));
    }

    @Test
    void nothingElseIsRouted() throws IOException {
        Map<String, List<Served>> required = required();
        // Every rule is the one chosen for something the suite serves, or the API host's front door.
        for (Rule rule : rules) {
            boolean used = required.getOrDefault(rule.host(), List.of()).stream()
                    .anyMatch(s -> route(rules, rule.host(), s.path()).filter(rule::equals).isPresent());
            boolean apiFrontDoor = rule.host().equals(API_HOST) && rule.path().equals("/") && rule.pathType().equals("Exact")
                    && ("https://" + PAGES_HOST + "/").equals(rule.redirect());
            assertTrue(used || apiFrontDoor, rule + " routes nothing the suite serves");
        }
        // The management endpoints (health, metrics, OpenAPI, Swagger UI) and unknown paths stay inside the cluster.
        for (String host : List.of(PAGES_HOST, API_HOST)) {
            for (String path : List.of("/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/", "/q/dev-ui", "/api/v2/referrals",
                    "/api/v1/unknown", "/api/v1/referralsx", "/sider-x", "/admin", "/.env")) {
                assertEquals(Optional.empty(), route(rules, host, path), host + path + " must not be routed");
            }
        }
        // The pages live on the pages host only (the OIDC client accepts redirects to that host alone):
        // on the API host a page path is not routed, or redirected to the pages host.
        for (Served page : pagePaths()) {
            assertTrue(route(rules, API_HOST, page.path()).map(r -> r.redirect() != null && r.redirect().startsWith("https://" + PAGES_HOST + "/"))
                    .orElse(true), API_HOST + page.path() + " must not be served");
        }
        // A person who opens the API host in a browser is sent to the pages, not to a bare 404.
        assertEquals("redirect https://" + PAGES_HOST + "/", route(rules, API_HOST, "/").orElseThrow().target());
    }

    @Test
    void everyHostHasTlsAndEveryBackendIsAServicePortOfItsDeployment() {
        assertFalse(rules.isEmpty());
        for (JsonNode ingress : kind("Ingress")) {
            String name = ingress.path("metadata").path("name").asText();
            assertEquals("nginx", ingress.path("spec").path("ingressClassName").asText(), name);
            Set<String> tlsHosts = new TreeSet<>();
            ingress.path("spec").path("tls").forEach(t -> {
                assertFalse(t.path("secretName").asText().isEmpty(), name + " names its certificate");
                t.path("hosts").forEach(h -> tlsHosts.add(h.asText()));
            });
            ingress.path("spec").path("rules").forEach(r -> assertTrue(tlsHosts.contains(r.path("host").asText()),
                    name + " serves " + r.path("host").asText() + " over TLS"));
            assertFalse("false".equals(ingress.path("metadata").path("annotations").path("nginx.ingress.kubernetes.io/ssl-redirect").asText()),
                    name + " redirects http to https");
        }
        Set<String> hosts = new TreeSet<>();
        for (Rule rule : rules) {
            hosts.add(rule.host());
            assertTrue(Set.of("Exact", "Prefix").contains(rule.pathType()), rule + ": Exact or Prefix only");
            assertTrue(SERVICES.contains(rule.service()), rule + " names a suite service");
            JsonNode service = named("Service", rule.service());
            JsonNode port = null;
            for (JsonNode p : service.path("spec").path("ports")) {
                if (p.path("name").asText().equals(rule.port())) {
                    port = p;
                }
            }
            assertTrue(port != null, rule + ": " + rule.service() + " has a port named " + rule.port());
            JsonNode container = named("Deployment", rule.service()).path("spec").path("template").path("spec").path("containers").get(0);
            String target = port.path("targetPort").asText();
            boolean reachesContainer = false;
            for (JsonNode cp : container.path("ports")) {
                reachesContainer |= cp.path("name").asText().equals(target) || cp.path("containerPort").asText().equals(target);
            }
            assertTrue(reachesContainer, rule + ": the Service's port reaches the container");
            assertEquals(named("Deployment", rule.service()).path("spec").path("selector").path("matchLabels"),
                    service.path("spec").path("selector"), rule.service() + " selects its Deployment's pods");
        }
        assertEquals(Set.of(PAGES_HOST, API_HOST), hosts);
    }
}
