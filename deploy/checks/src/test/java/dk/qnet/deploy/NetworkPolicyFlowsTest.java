package dk.qnet.deploy;

import static dk.qnet.deploy.DeploymentChecksTest.SERVICES;
import static dk.qnet.deploy.DeploymentChecksTest.config;
import static dk.qnet.deploy.DeploymentChecksTest.kind;
import static dk.qnet.deploy.DeploymentChecksTest.named;
import static dk.qnet.deploy.DeploymentChecksTest.root;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The NetworkPolicies, evaluated as Kubernetes does, against every flow the suite needs and a set
 * it must never allow. The policies are the manifests' own plus the one Strimzi generates for the
 * Kafka listener from its {@code networkPolicyPeers}; the pods are modelled with the labels their
 * Deployments and operators give them, and with pod-network addresses (10.244.0.0/16), so an
 * {@code ipBlock} for the internet never matches a pod.
 *
 * <p>Semantics: a flow is allowed when the source's egress and the destination's ingress both
 * allow it. A direction is open for a pod that no policy of that type selects; otherwise some rule
 * of a selecting policy must match the peer and the port. Pods outside the suite's namespace
 * (ingress-nginx, Prometheus, DNS, the internet) are governed by their own policies, which are not
 * this deployment's: only their traffic into the suite's pods is checked.
 */
class NetworkPolicyFlowsTest {

    static final String NAMESPACE = "qnet";

    /** A pod (or an address outside the cluster) as a NetworkPolicy sees it. */
    record Pod(String name, String namespace, Map<String, String> labels, String ip) {
        boolean inSuite() {
            return NAMESPACE.equals(namespace);
        }

        Map<String, String> namespaceLabels() {
            return namespace == null ? Map.of() : Map.of("kubernetes.io/metadata.name", namespace);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    record Flow(Pod from, Pod to, int port, String protocol) {
        Flow(Pod from, Pod to, int port) {
            this(from, to, port, "TCP");
        }

        @Override
        public String toString() {
            return from + " -> " + to + ":" + port + "/" + protocol;
        }
    }

    static List<JsonNode> policies;
    static Map<String, Pod> pods;

    @BeforeAll
    static void load() throws IOException {
        DeploymentChecksTest.load();
        policies = new ArrayList<>(kind("NetworkPolicy"));
        policies.add(strimziListenerPolicy());
        pods = pods();
    }

    /** What Strimzi makes for each listener: ingress on its port from its networkPolicyPeers, or from anyone without them. */
    static JsonNode strimziListenerPolicy() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode policy = json.createObjectNode();
        policy.put("kind", "NetworkPolicy");
        policy.putObject("metadata").put("name", "qnet-kafka-network-policy-kafka (made by Strimzi)");
        ObjectNode spec = policy.putObject("spec");
        spec.putObject("podSelector").putObject("matchLabels").put("strimzi.io/cluster", "qnet-kafka");
        spec.putArray("policyTypes").add("Ingress");
        ArrayNode ingress = spec.putArray("ingress");
        for (JsonNode listener : named("Kafka", "qnet-kafka").path("spec").path("kafka").path("listeners")) {
            ObjectNode rule = ingress.addObject();
            rule.putArray("ports").addObject().put("port", listener.path("port").asInt()).put("protocol", "TCP");
            if (listener.has("networkPolicyPeers")) {
                rule.set("from", listener.path("networkPolicyPeers"));
            }
        }
        return policy;
    }

    static Map<String, String> templateLabels(String deployment) {
        Map<String, String> labels = new java.util.TreeMap<>();
        named("Deployment", deployment).path("spec").path("template").path("metadata").path("labels").fields()
                .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    static Map<String, Pod> pods() {
        Map<String, Pod> pods = new java.util.LinkedHashMap<>();
        int n = 10;
        for (String service : SERVICES) {
            pods.put(service, new Pod(service, NAMESPACE, templateLabels(service), "10.244.0." + n++));
        }
        for (JsonNode cluster : kind("Cluster")) {
            String name = cluster.path("metadata").path("name").asText();
            pods.put(name, new Pod(name, NAMESPACE, Map.of("cnpg.io/cluster", name, "cnpg.io/instanceRole", "primary"), "10.244.0." + n++));
        }
        pods.put("kafka", new Pod("kafka broker", NAMESPACE, Map.of("strimzi.io/cluster", "qnet-kafka", "strimzi.io/kind", "Kafka",
                "strimzi.io/name", "qnet-kafka-kafka"), "10.244.0." + n++));
        String keycloak = named("Keycloak", "qnet-keycloak").path("metadata").path("name").asText();
        pods.put("keycloak", new Pod("keycloak", NAMESPACE, Map.of("app", "keycloak", "app.kubernetes.io/instance", keycloak,
                "app.kubernetes.io/managed-by", "keycloak-operator"), "10.244.0." + n++));
        pods.put("stray", new Pod("a stray pod in the namespace", NAMESPACE, Map.of("app", "debug"), "10.244.0." + n++));
        pods.put("ingress-nginx", new Pod("ingress-nginx controller", "ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx",
                "app.kubernetes.io/component", "controller"), "10.244.1.2"));
        pods.put("prometheus", new Pod("prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus"), "10.244.2.2"));
        pods.put("otel-collector", new Pod("opentelemetry collector", "monitoring", Map.of("app.kubernetes.io/name", "opentelemetry-collector"),
                "10.244.2.3"));
        pods.put("kube-dns", new Pod("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"), "10.244.3.2"));
        pods.put("cnpg-operator", new Pod("cnpg operator", "cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg"), "10.244.4.2"));
        pods.put("other-namespace", new Pod("a pod of another namespace", "other", Map.of("app.kubernetes.io/name", "referral-service"), "10.244.5.2"));
        pods.put("webhook-receiver", new Pod("a shelter's webhook receiver", null, Map.of(), "80.62.116.5"));
        pods.put("internet", new Pod("the internet", null, Map.of(), "52.1.2.3"));
        pods.put("kube-api", new Pod("the Kubernetes API", null, Map.of(), "10.96.0.1"));
        pods.put("metadata", new Pod("the cloud metadata service", null, Map.of(), "169.254.169.254"));
        pods.put("private-172", new Pod("a private 172.16/12 host", null, Map.of(), "172.16.4.4"));
        pods.put("private-192", new Pod("a private 192.168/16 host", null, Map.of(), "192.168.1.10"));
        pods.put("cgnat", new Pod("a carrier-grade NAT host", null, Map.of(), "100.64.0.1"));
        pods.put("loopback-6", new Pod("an IPv6 unique-local host", null, Map.of(), "fd00::1"));
        return pods;
    }

    static Pod pod(String name) {
        return pods.get(name);
    }

    /** A service's own database cluster. */
    static Pod dbOf(String service) {
        return pod(service.replace("-service", "") + "-db");
    }

    // ---- evaluation

    static boolean allowed(List<JsonNode> policies, Flow flow, Map<JsonNode, Boolean> used) {
        boolean egress = !flow.from().inSuite() || direction(policies, flow.from(), "Egress", "egress", "to", flow.to(), flow, used);
        boolean ingress = !flow.to().inSuite() || direction(policies, flow.to(), "Ingress", "ingress", "from", flow.from(), flow, used);
        return egress && ingress;
    }

    static boolean direction(List<JsonNode> policies, Pod subject, String type, String rulesField, String peersField, Pod peer, Flow flow,
            Map<JsonNode, Boolean> used) {
        boolean selected = false;
        boolean allowed = false;
        for (JsonNode policy : policies) {
            JsonNode spec = policy.path("spec");
            if (!types(spec).contains(type) || !selects(spec.path("podSelector"), subject.labels())) {
                continue;
            }
            selected = true;
            for (JsonNode rule : spec.path(rulesField)) {
                if (portMatches(rule.path("ports"), flow) && peerMatches(rule.path(peersField), peer)) {
                    allowed = true;
                    used.put(rule, true);
                }
            }
        }
        return !selected || allowed;
    }

    static Set<String> types(JsonNode spec) {
        Set<String> types = new java.util.TreeSet<>();
        spec.path("policyTypes").forEach(t -> types.add(t.asText()));
        if (types.isEmpty()) {
            types.add("Ingress");
            if (spec.has("egress")) {
                types.add("Egress");
            }
        }
        return types;
    }

    static boolean portMatches(JsonNode ports, Flow flow) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode p : ports) {
            assertTrue(!p.has("port") || p.path("port").isInt(), "ports are numbers, so the model needs no container to name them: " + p);
            String protocol = p.path("protocol").asText("TCP");
            int from = p.path("port").asInt(-1);
            int to = p.path("endPort").asInt(from);
            if (protocol.equals(flow.protocol()) && (from == -1 || (flow.port() >= from && flow.port() <= to))) {
                return true;
            }
        }
        return false;
    }

    static boolean peerMatches(JsonNode peers, Pod peer) {
        if (peers.isMissingNode() || peers.isEmpty()) {
            return true;
        }
        for (JsonNode p : peers) {
            if (p.has("ipBlock")) {
                if (inBlock(peer.ip(), p.path("ipBlock"))) {
                    return true;
                }
                continue;
            }
            if (peer.namespace() == null) {
                continue;
            }
            boolean namespaceOk = p.has("namespaceSelector") ? selects(p.path("namespaceSelector"), peer.namespaceLabels())
                    : NAMESPACE.equals(peer.namespace());
            boolean podOk = !p.has("podSelector") || selects(p.path("podSelector"), peer.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    static boolean selects(JsonNode selector, Map<String, String> labels) {
        for (var e : (Iterable<Map.Entry<String, JsonNode>>) selector.path("matchLabels")::fields) {
            if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.get(expression.path("key").asText());
            Set<String> values = new java.util.HashSet<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            boolean ok = switch (expression.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("unknown selector operator " + expression);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static boolean inBlock(String ip, JsonNode block) {
        if (!inCidr(ip, block.path("cidr").asText())) {
            return false;
        }
        for (JsonNode except : block.path("except")) {
            if (inCidr(ip, except.asText())) {
                return false;
            }
        }
        return true;
    }

    static boolean inCidr(String ip, String cidr) {
        try {
            byte[] address = InetAddress.getByName(ip).getAddress();
            String[] parts = cidr.split("/");
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            if (address.length != network.length) {
                return false;
            }
            int bits = address.length * 8;
            int prefix = Integer.parseInt(parts[1]);
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
        } catch (UnknownHostException e) {
            throw new AssertionError(ip + " or " + cidr + " is no address", e);
        }
    }

    // ---- the flows

    static int httpPort(String service) throws IOException {
        return Integer.parseInt(config(service).getProperty("quarkus.http.port"));
    }

    /** Keycloak as the services are configured to reach it: the URL's host is Keycloak's public host, served by the ingress. */
    static URI oidcUrl() {
        URI url = URI.create(named("ConfigMap", "qnet-config").path("data").path("QUARKUS_OIDC_AUTH_SERVER_URL").asText());
        assertEquals(URI.create(named("Keycloak", "qnet-keycloak").path("spec").path("hostname").path("hostname").asText()).getHost(),
                url.getHost(), "the services reach Keycloak at its public host name");
        assertEquals("https", url.getScheme());
        return url;
    }

    /** The collector as the ConfigMap names it: its host is the collector's Service in the monitoring namespace. */
    static int otlpPort() {
        URI url = URI.create(named("ConfigMap", "qnet-config").path("data").path("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT").asText());
        assertEquals("opentelemetry-collector.monitoring", url.getHost(), "the collector the policies let the services reach");
        return url.getPort();
    }

    static List<Flow> required() throws IOException {
        List<Flow> flows = new ArrayList<>();
        URI oidc = oidcUrl();
        int oidcPort = oidc.getPort() == -1 ? 443 : oidc.getPort();
        for (String service : SERVICES) {
            Pod s = pod(service);
            Pod db = dbOf(service);
            flows.add(new Flow(s, db, 5432));
            flows.add(new Flow(s, pod("kafka"), 9093));
            // The OIDC host resolves to the ingress controller, which passes the request on to Keycloak.
            flows.add(new Flow(s, pod("ingress-nginx"), oidcPort));
            flows.add(new Flow(s, pod("otel-collector"), otlpPort()));
            flows.add(new Flow(s, pod("kube-dns"), 53, "UDP"));
            flows.add(new Flow(s, pod("kube-dns"), 53, "TCP"));
            flows.add(new Flow(pod("ingress-nginx"), s, httpPort(service)));
            flows.add(new Flow(pod("prometheus"), s, httpPort(service)));
            flows.add(new Flow(db, db, 5432));
            flows.add(new Flow(pod("cnpg-operator"), db, 8000));
            flows.add(new Flow(pod("cnpg-operator"), db, 5432));
        }
        flows.add(new Flow(pod("referral-service"), pod("webhook-receiver"), 443));
        flows.add(new Flow(pod("ingress-nginx"), pod("keycloak"), 8443));
        flows.add(new Flow(pod("keycloak"), pod("keycloak"), 7800));
        flows.add(new Flow(pod("keycloak"), pod("keycloak-db"), 5432));
        flows.add(new Flow(pod("keycloak-db"), pod("keycloak-db"), 5432));
        flows.add(new Flow(pod("cnpg-operator"), pod("keycloak-db"), 8000));
        flows.add(new Flow(pod("cnpg-operator"), pod("keycloak-db"), 5432));
        return flows;
    }

    static List<Flow> forbidden() throws IOException {
        List<Flow> flows = new ArrayList<>();
        for (String service : SERVICES) {
            Pod s = pod(service);
            for (String other : SERVICES) {
                if (!other.equals(service)) {
                    flows.add(new Flow(s, dbOf(other), 5432));
                    flows.add(new Flow(s, pod(other), httpPort(other)));
                }
            }
            flows.add(new Flow(s, pod("keycloak-db"), 5432));
            flows.add(new Flow(s, pod("keycloak"), 8443));
            flows.add(new Flow(pod("internet"), s, httpPort(service)));
            flows.add(new Flow(pod("stray"), s, httpPort(service)));
            flows.add(new Flow(pod("other-namespace"), s, httpPort(service)));
            flows.add(new Flow(pod("stray"), dbOf(service), 5432));
            flows.add(new Flow(pod("ingress-nginx"), dbOf(service), 5432));
            flows.add(new Flow(pod("prometheus"), dbOf(service), 5432));
            flows.add(new Flow(pod("other-namespace"), dbOf(service), 5432));
            flows.add(new Flow(pod("ingress-nginx"), s, 9000));
            for (String outside : List.of("kube-api", "metadata", "private-172", "private-192", "cgnat", "loopback-6")) {
                flows.add(new Flow(s, pod(outside), 443));
                flows.add(new Flow(s, pod(outside), 80));
            }
            flows.add(new Flow(s, pod("internet"), 80));
            flows.add(new Flow(s, pod("prometheus"), 9090));
            flows.add(new Flow(pod("otel-collector"), s, httpPort(service)));
            flows.add(new Flow(s, pod("internet"), 5432));
            if (!service.equals("referral-service")) {
                flows.add(new Flow(s, pod("webhook-receiver"), 443));
            }
        }
        flows.add(new Flow(pod("stray"), pod("kafka"), 9093));
        flows.add(new Flow(pod("internet"), pod("kafka"), 9093));
        flows.add(new Flow(pod("other-namespace"), pod("kafka"), 9093));
        flows.add(new Flow(pod("ingress-nginx"), pod("kafka"), 9093));
        flows.add(new Flow(pod("stray"), pod("keycloak"), 8443));
        flows.add(new Flow(pod("internet"), pod("keycloak"), 8443));
        flows.add(new Flow(pod("stray"), pod("keycloak-db"), 5432));
        flows.add(new Flow(pod("ingress-nginx"), pod("keycloak-db"), 5432));
        return flows;
    }

    static List<String> refused(List<JsonNode> policies, List<Flow> flows) {
        Map<JsonNode, Boolean> used = new IdentityHashMap<>();
        return flows.stream().filter(f -> !allowed(policies, f, used)).map(Flow::toString).toList();
    }

    @Test
    void everyFlowTheSuiteNeedsIsAllowed() throws IOException {
        assertEquals(List.of(), refused(policies, required()));
    }

    @Test
    void nothingElseIsAllowed() throws IOException {
        Map<JsonNode, Boolean> used = new IdentityHashMap<>();
        List<String> allowed = forbidden().stream().filter(f -> allowed(policies, f, used)).map(Flow::toString).toList();
        assertEquals(List.of(), allowed);
        // Every rule of the manifests' policies carries some flow the suite needs: none is there for nothing.
        Map<JsonNode, Boolean> needed = new IdentityHashMap<>();
        required().forEach(f -> allowed(policies, f, needed));
        List<String> idle = new ArrayList<>();
        for (JsonNode policy : kind("NetworkPolicy")) {
            for (String field : List.of("ingress", "egress")) {
                for (JsonNode rule : policy.path("spec").path(field)) {
                    if (!needed.containsKey(rule)) {
                        idle.add(policy.path("metadata").path("name").asText() + " " + field + " " + rule);
                    }
                }
            }
        }
        assertEquals(List.of(), idle, "rules no needed flow uses");
        // Every pod of the namespace is closed to ingress unless a rule lets a flow in; a service also for egress.
        for (Pod p : pods.values()) {
            if (p.inSuite()) {
                assertTrue(selectedBy(p, "Ingress"), p + " is selected by an ingress policy");
            }
        }
        SERVICES.forEach(s -> assertTrue(selectedBy(pod(s), "Egress"), s + " is selected by an egress policy"));
    }

    static boolean selectedBy(Pod p, String type) {
        return policies.stream().anyMatch(policy -> types(policy.path("spec")).contains(type) && selects(policy.path("spec").path("podSelector"), p.labels()));
    }

    /** The check can fail: referral-service's policy before it blocked webhooks and the way to Keycloak. */
    @Test
    void theCheckRefusesTheFormerPolicies() throws IOException {
        JsonNode former = DeploymentChecksTest.readAll(root.resolve("deploy/checks/src/test/resources/former-referral-network-policy.yaml")).get(0);
        List<JsonNode> withFormer = new ArrayList<>(policies.stream()
                .filter(p -> !p.path("metadata").path("name").asText().equals("referral-service")).toList());
        withFormer.add(former);
        List<String> refused = refused(withFormer, required());
        assertTrue(refused.contains("referral-service -> a shelter's webhook receiver:443/TCP"), refused.toString());
        assertTrue(refused.contains("referral-service -> ingress-nginx controller:443/TCP"), refused.toString());
        assertFalse(refused.isEmpty());
    }
}
