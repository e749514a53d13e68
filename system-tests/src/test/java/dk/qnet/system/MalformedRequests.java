package dk.qnet.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Requests every write endpoint must refuse: a body shaped from the endpoint's schema, then
 * broken in one way that can't be valid; and bodies that are not the JSON asked for at all.
 * Wrong types, missing required fields, unknown fields, huge strings, deep nesting, invalid
 * UTF-8, SQL and script payloads in constrained fields, negative and overflowing numbers, wrong
 * content types. Seeded, so a failure can be replayed.
 */
final class MalformedRequests {

    record Bad(String what, String contentType, byte[] body) {
    }

    /** A place in the body: the object that holds it and the property name. */
    private record Slot(ObjectNode holder, String name, JsonNode schema) {
    }

    static final List<String> INJECTIONS = List.of("' OR '1'='1' --", "1; DROP TABLE referral; --", "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>", "${jndi:ldap://127.0.0.1/x}", "../../../../etc/passwd", "{{7*7}}", "%00", "\u0000");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode components;
    private final Random random;

    MalformedRequests(JsonNode components, long seed) {
        this.components = components;
        this.random = new Random(seed);
    }

    List<Bad> generate(JsonNode schema, int count) {
        List<Bad> bad = new ArrayList<>(wholeBodies());
        while (bad.size() < count) {
            if (schema == null || random.nextInt(10) == 0) {
                bad.add(randomWholeBody());
                continue;
            }
            ObjectNode body = shaped(schema, 0) instanceof ObjectNode o ? o : NODES.objectNode();
            List<Slot> slots = new ArrayList<>();
            collect(body, schema, slots, 0);
            Bad mutated = mutate(body, slots);
            if (mutated != null) {
                bad.add(mutated);
            }
        }
        return bad;
    }

    // ---- whole bodies that are not the JSON asked for

    private List<Bad> wholeBodies() {
        List<Bad> bad = new ArrayList<>();
        bad.add(json("empty body", ""));
        bad.add(json("null", "null"));
        bad.add(json("an array", "[]"));
        bad.add(json("a string", "\"referral\""));
        bad.add(json("a number", "42"));
        bad.add(json("truncated", "{\"a\":"));
        bad.add(json("not JSON", "woman=Sara&phone=1"));
        bad.add(json("deep nesting", "[".repeat(5000) + "]".repeat(5000)));
        bad.add(json("deep objects", "{\"a\":".repeat(3000) + "1" + "}".repeat(3000)));
        bad.add(new Bad("invalid UTF-8", "application/json", invalidUtf8()));
        bad.add(json("over the body limit", "{\"a\":\"" + "x".repeat(70_000) + "\"}"));
        bad.add(new Bad("text/plain", "text/plain", "{}".getBytes(StandardCharsets.UTF_8)));
        bad.add(new Bad("XML", "application/xml", "<referral/>".getBytes(StandardCharsets.UTF_8)));
        bad.add(new Bad("a form", "application/x-www-form-urlencoded", "a=1".getBytes(StandardCharsets.UTF_8)));
        bad.add(new Bad("no content type", null, "{}".getBytes(StandardCharsets.UTF_8)));
        return bad;
    }

    private Bad randomWholeBody() {
        return switch (random.nextInt(5)) {
            case 0 -> json("deep nesting", "[".repeat(1000 + random.nextInt(20_000)) + "]");
            case 1 -> new Bad("invalid UTF-8", "application/json", invalidUtf8());
            case 2 -> json("unknown field only", "{\"x" + random.nextInt(1_000_000) + "\":" + random.nextInt() + "}");
            case 3 -> json("a JSON scalar", random.nextBoolean() ? "true" : Long.toString(random.nextLong()));
            default -> json("garbage", randomAscii(1 + random.nextInt(200)));
        };
    }

    private byte[] invalidUtf8() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{\"reason\":\"".getBytes(StandardCharsets.UTF_8));
        out.write(0xC3);
        out.write(0x28);
        out.write(0xFF);
        out.write(0xFE);
        out.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    // ---- a body shaped from the schema, then broken in one place

    private Bad mutate(ObjectNode body, List<Slot> slots) {
        int kind = random.nextInt(7);
        if (kind == 0 || slots.isEmpty()) {
            List<ObjectNode> objects = new ArrayList<>();
            objects.add(body);
            slots.stream().filter(s -> s.holder() != body).forEach(s -> objects.add(s.holder()));
            ObjectNode target = objects.get(random.nextInt(objects.size()));
            target.put("unknown" + random.nextInt(1000), INJECTIONS.get(random.nextInt(INJECTIONS.size())));
            return json("unknown field", body.toString());
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        String type = slot.schema().path("type").asText("object");
        switch (kind) {
            case 1 -> {
                if (!isRequired(slot)) {
                    return null;
                }
                slot.holder().remove(slot.name());
                return json("missing " + slot.name(), body.toString());
            }
            case 2 -> {
                slot.holder().set(slot.name(), wrongType(type));
                return json("wrong type for " + slot.name(), body.toString());
            }
            case 3 -> {
                if (!type.equals("string")) {
                    return null;
                }
                int length = random.nextBoolean() ? 5_000 + random.nextInt(20_000) : 70_000 + random.nextInt(100_000);
                slot.holder().put(slot.name(), randomAscii(length));
                return json("huge " + slot.name(), body.toString());
            }
            case 4 -> {
                if (!type.equals("integer") && !type.equals("number")) {
                    return null;
                }
                String number = switch (random.nextInt(4)) {
                    case 0 -> "1e400";
                    case 1 -> "99999999999999999999999999";
                    case 2 -> "-99999999999999999999999999";
                    default -> slot.schema().has("minimum") && slot.schema().get("minimum").asDouble() >= 0 ? "-1" : "1e400";
                };
                String marker = marker(slot, body);
                return json("number " + number + " for " + slot.name(), body.toString().replace(marker, number));
            }
            case 5 -> {
                if (!type.equals("string") || !constrained(slot.schema())) {
                    return null;
                }
                slot.holder().put(slot.name(), INJECTIONS.get(random.nextInt(INJECTIONS.size())));
                return json("payload in " + slot.name(), body.toString());
            }
            default -> {
                if (!type.equals("array")) {
                    return null;
                }
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i < 1000 + random.nextInt(3000); i++) {
                    many.add(i);
                }
                slot.holder().set(slot.name(), many);
                return json("too many items in " + slot.name(), body.toString());
            }
        }
    }

    /** Puts a unique marker in the slot, so a number the tree can't hold can be spliced into the text. */
    private String marker(Slot slot, ObjectNode body) {
        String marker = "\"@@" + random.nextInt(1_000_000) + "@@\"";
        slot.holder().put(slot.name(), marker.substring(1, marker.length() - 1));
        return marker;
    }

    private JsonNode wrongType(String type) {
        return switch (type) {
            case "string" -> random.nextBoolean() ? NODES.objectNode() : NODES.arrayNode().add(1);
            case "integer", "number" -> random.nextBoolean() ? NODES.textNode("many") : NODES.objectNode();
            case "boolean" -> random.nextBoolean() ? NODES.textNode("perhaps") : NODES.arrayNode();
            case "array" -> random.nextBoolean() ? NODES.objectNode().put("a", 1) : NODES.numberNode(7);
            default -> random.nextBoolean() ? NODES.textNode("x") : NODES.numberNode(5);
        };
    }

    private boolean isRequired(Slot slot) {
        return slot.schema().path("x-required").asBoolean(false);
    }

    private static boolean constrained(JsonNode schema) {
        return schema.has("enum") || schema.has("format") || schema.has("pattern");
    }

    /** A value of each property's type, recursively (not necessarily valid: each case breaks it anyway). */
    private JsonNode shaped(JsonNode schema, int depth) {
        JsonNode s = ApiOperations.resolve(schema, components);
        String type = s.path("type").asText(s.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                if (depth < 6) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> p = it.next();
                        o.set(p.getKey(), shaped(p.getValue(), depth + 1));
                    }
                }
                yield o;
            }
            case "array" -> {
                ArrayNode a = NODES.arrayNode();
                if (depth < 6) {
                    a.add(shaped(s.path("items"), depth + 1));
                }
                yield a;
            }
            case "integer", "number" -> NODES.numberNode(s.has("minimum") ? s.get("minimum").asLong() : 1);
            case "boolean" -> NODES.booleanNode(true);
            default -> s.has("enum") ? s.get("enum").get(0) : switch (s.path("format").asText("")) {
                case "date" -> NODES.textNode("2026-12-01");
                case "date-time" -> NODES.textNode("2026-11-20T10:00:00Z");
                case "uuid" -> NODES.textNode(java.util.UUID.randomUUID().toString());
                default -> NODES.textNode("x");
            };
        };
    }

    /** Every property of every object in the body, with its schema (required ones marked). */
    private void collect(JsonNode value, JsonNode schema, List<Slot> slots, int depth) {
        JsonNode s = ApiOperations.resolve(schema, components);
        if (value instanceof ObjectNode o && depth < 6) {
            List<String> required = new ArrayList<>();
            s.path("required").forEach(r -> required.add(r.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                JsonNode ps = ApiOperations.resolve(p.getValue(), components).deepCopy();
                if (ps instanceof ObjectNode psObject && required.contains(p.getKey())) {
                    psObject.put("x-required", true);
                }
                slots.add(new Slot(o, p.getKey(), ps));
                collect(o.get(p.getKey()), p.getValue(), slots, depth + 1);
            }
        } else if (value instanceof ArrayNode a && !a.isEmpty()) {
            collect(a.get(0), s.path("items"), slots, depth + 1);
        }
    }

    private Bad json(String what, String body) {
        return new Bad(what, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private String randomAscii(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append((char) (32 + random.nextInt(95)));
        }
        return b.toString();
    }
}
