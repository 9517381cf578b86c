package dev.berth.ui.jsontree;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One node of a {@link JsonTreeView}: its key (a field name, or {@code [3]} for an array element),
 * its value and where it sits in the document.
 *
 * @param key   field name, {@code [index]} for array elements, or empty for the document itself
 * @param value the JSON value
 * @param path  jq-style path from the root, e.g. {@code .Config.Env[0]} or {@code .Labels["a.b"]}
 */
public record JsonEntry(String key, JsonNode value, String path) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The path of field {@code name} below this one. */
    String fieldPath(String name) {
        return path + (IDENTIFIER.matcher(name).matches() ? "." + name
                : "[\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]");
    }

    /** The path of element {@code index} below this one. */
    String elementPath(int index) {
        return path + "[" + index + "]";
    }

    public boolean isContainer() {
        return value.isContainerNode();
    }

    /** What the value reads as in one line: the text of a scalar, {@code {5}} or {@code [3]} for containers. */
    public String valueText() {
        if (value.isObject()) {
            return "{" + value.size() + "}";
        }
        if (value.isArray()) {
            return "[" + value.size() + "]";
        }
        if (value.isTextual()) {
            return "\"" + value.asText() + "\"";
        }
        return value.isNull() ? "null" : value.asText();
    }

    /** Whether the key or a scalar value contains {@code needle} (lower case), ignoring case. */
    boolean matches(String needle) {
        if (needle.isEmpty()) {
            return false;
        }
        if (!key.startsWith("[") && key.toLowerCase(Locale.ROOT).contains(needle)) {
            return true;
        }
        return !isContainer() && value.asText().toLowerCase(Locale.ROOT).contains(needle);
    }

    /** The kind of value, for colouring: string, number, boolean, null, object or array. */
    public String kind() {
        return switch (value.getNodeType()) {
            case STRING, BINARY -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case OBJECT, POJO -> "object";
            case ARRAY -> "array";
            default -> "null";
        };
    }
}
