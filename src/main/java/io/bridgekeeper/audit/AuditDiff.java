package io.bridgekeeper.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A readable before/after diff of an audit event: both documents flattened to dotted paths
 * ({@code capabilities[0]}, {@code webhook.url}), one line per path that exists on either side.
 */
public final class AuditDiff {

    public enum Kind { ADDED, REMOVED, CHANGED, UNCHANGED }

    public record Line(String path, String before, String after, Kind kind) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditDiff() {
    }

    /** The lines of the diff, changed ones first in document order, then the unchanged ones. */
    public static List<Line> of(String beforeJson, String afterJson) {
        Map<String, String> before = flatten(beforeJson);
        Map<String, String> after = flatten(afterJson);
        Set<String> paths = new LinkedHashSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<Line> changed = new ArrayList<>();
        List<Line> same = new ArrayList<>();
        for (String path : paths) {
            String b = before.get(path);
            String a = after.get(path);
            Kind kind = !before.containsKey(path) ? Kind.ADDED
                    : !after.containsKey(path) ? Kind.REMOVED
                    : Objects.equals(a, b) ? Kind.UNCHANGED : Kind.CHANGED;
            (kind == Kind.UNCHANGED ? same : changed).add(new Line(path, b, a, kind));
        }
        changed.addAll(same);
        return changed;
    }

    static Map<String, String> flatten(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        if (json != null && !json.isBlank()) {
            flatten("", JSON.readTree(json), out);
        }
        return out;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            if (node.isEmpty() && !path.isEmpty()) {
                out.put(path, "{}");
            }
            for (var e : node.properties()) {
                flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.put(path, "[]");
            }
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(path.isEmpty() ? "value" : path, node.isNull() ? "null" : node.isString() ? node.asString() : node.toString());
        }
    }

    /** A recorded JSON object as its fields, nested ones as dotted paths, in document order. */
    public static Map<String, String> fields(String json) {
        return flatten(json);
    }

    /** A recorded state on one line, "field: value · field: value", for a list of events. */
    public static String summary(String json) {
        List<String> parts = new ArrayList<>();
        flatten(json).forEach((path, value) -> parts.add(path + ": " + value));
        return String.join(" · ", parts);
    }
}
