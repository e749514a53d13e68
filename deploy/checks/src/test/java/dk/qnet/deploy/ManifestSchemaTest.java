package dk.qnet.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Schema validation of the built-in Kubernetes kinds with the fabric8 model from Maven Central:
 * wrong types fail to bind, and any field the Kubernetes API does not define lands in a model's
 * additionalProperties, which must stay empty everywhere in the object graph.
 */
class ManifestSchemaTest {

    static final Map<String, Class<? extends KubernetesResource>> MODELS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);

    static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    @BeforeAll
    static void load() throws Exception {
        DeploymentChecksTest.load();
    }

    @Test
    void everyBuiltInKindMatchesTheKubernetesApiSchema() throws Exception {
        int validated = 0;
        for (JsonNode doc : DeploymentChecksTest.manifests) {
            String key = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
            Class<? extends KubernetesResource> model = MODELS.get(key);
            if (model == null) {
                continue;
            }
            KubernetesResource resource = STRICT.treeToValue(doc, model);
            List<String> unknown = new ArrayList<>();
            collectUnknown(resource, key + " " + doc.path("metadata").path("name").asText(), unknown, new IdentityHashMap<>());
            assertEquals(List.of(), unknown, "fields the Kubernetes API does not define");
            validated++;
        }
        assertTrue(validated >= 4 * 6 + 3, "validated " + validated + " documents");
    }

    @Test
    void theValidatorCatchesAMisspelledField() throws Exception {
        JsonNode doc = new ObjectMapper().readTree("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"x"},
                 "spec":{"replicas":1,"template":{"spec":{"containers":[{"name":"x","image":"x","readinessProb":{}}]}}}}
                """);
        List<String> unknown = new ArrayList<>();
        collectUnknown(STRICT.treeToValue(doc, Deployment.class), "Deployment x", unknown, new IdentityHashMap<>());
        assertEquals(1, unknown.size(), unknown.toString());
        assertTrue(unknown.get(0).contains("readinessProb"));
    }

    static void collectUnknown(Object node, String path, List<String> unknown, IdentityHashMap<Object, Boolean> seen) throws IllegalAccessException {
        if (node == null || seen.put(node, true) != null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknown(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                collectUnknown(e.getValue(), path + "." + e.getKey(), unknown, seen);
            }
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Class<?> c = node.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                Object value = f.get(node);
                if (f.getName().equals("additionalProperties") && value instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(k -> unknown.add(path + "." + k));
                } else {
                    collectUnknown(value, path + "." + f.getName(), unknown, seen);
                }
            }
        }
    }
}
