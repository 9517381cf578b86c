package dev.berth.compose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads values out of a composed YAML node tree, filling in variables, and keeps every problem and
 * warning with the place it starts. Working on nodes rather than loaded objects keeps each value's
 * line and column, and keeps the scalar's own text ({@code 22:22} and {@code no} stay strings
 * instead of YAML 1.1 numbers and booleans).
 */
final class YamlNodes {

    /** One key of a mapping, after merge keys ({@code <<: *defaults}) are applied. */
    record Entry(String key, Node keyNode, Node value) {
    }

    /** One {@code KEY=VALUE} of a mapping or list; value null when none was written. */
    record KeyValue(String key, String value, Node node) {
    }

    private final Path file;
    private final Map<String, String> environment;
    private final List<ComposeProblem> problems = new ArrayList<>();
    private final List<ComposeProblem> warnings = new ArrayList<>();

    YamlNodes(Path file, Map<String, String> environment) {
        this.file = file;
        this.environment = environment;
    }

    /** A variable's value, or null when unset: where a bare {@code KEY} gets its value. */
    String variable(String name) {
        return environment.get(name);
    }

    void problem(Node at, String path, String message) {
        problems.add(at(at, path, message));
    }

    void problemAt(int line, int column, String message) {
        problems.add(new ComposeProblem(file, line, column, message));
    }

    void warning(Node at, String path, String message) {
        warnings.add(at(at, path, message));
    }

    private ComposeProblem at(Node node, String path, String message) {
        String text = path.isEmpty() ? message : path + ": " + message;
        return new ComposeProblem(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, text);
    }

    List<ComposeProblem> problems() {
        return inFileOrder(problems);
    }

    List<ComposeProblem> warnings() {
        return inFileOrder(warnings);
    }

    /** Sorted by place; an aliased node read twice reports once. */
    private static List<ComposeProblem> inFileOrder(List<ComposeProblem> list) {
        return list.stream().distinct()
                .sorted(Comparator.comparingInt(ComposeProblem::line).thenComparingInt(ComposeProblem::column))
                .toList();
    }

    static boolean isNull(Node node) {
        return node == null || (node instanceof ScalarNode s && Tag.NULL.equals(s.getTag()));
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private static String kind(Node node) {
        return node instanceof MappingNode ? "a mapping" : node instanceof SequenceNode ? "a list" : "a single value";
    }

    /**
     * The scalar's text with variables filled in. Null for a YAML null, for a list or mapping (a problem),
     * and when interpolation fails (a problem): callers that need to tell these apart test
     * {@link #isNull} first.
     */
    String text(Node node, String path) {
        if (isNull(node)) {
            return null;
        }
        if (!(node instanceof ScalarNode scalar)) {
            problem(node, path, "expected a single value, not " + kind(node));
            return null;
        }
        try {
            Interpolation.Result result = Interpolation.apply(scalar.getValue(), environment);
            for (String name : result.unset()) {
                warning(node, path, "variable " + name + " is not set; using an empty string");
            }
            return result.value();
        } catch (IllegalArgumentException e) {
            problem(node, path, e.getMessage());
            return null;
        }
    }

    /** true or false; null (and a problem) for anything else. */
    Boolean bool(Node node, String path) {
        String text = text(node, path);
        if (text == null) {
            return null;
        }
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> {
                return true;
            }
            case "false", "no", "off" -> {
                return false;
            }
            default -> {
                problem(node, path, "expected true or false, not '" + text + "'");
                return null;
            }
        }
    }

    /** The items of a list; empty for null, and a problem for anything else. */
    List<Node> list(Node node, String path) {
        if (isNull(node)) {
            return List.of();
        }
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        problem(node, path, "expected a list, not " + kind(node));
        return List.of();
    }

    /** Reads each item of a list with its path, {@code at[i]}; an empty item is a problem. */
    void eachItem(Node node, String at, BiConsumer<Node, String> reader) {
        List<Node> items = list(node, at);
        for (int i = 0; i < items.size(); i++) {
            if (isNull(items.get(i))) {
                problem(items.get(i), at + "[" + i + "]", "the item is empty");
            } else {
                reader.accept(items.get(i), at + "[" + i + "]");
            }
        }
    }

    /** The text checked by one of the engine's rules; null when missing or wrong (a problem then). */
    String checked(Node node, String at, Function<String, Optional<String>> rule) {
        String text = text(node, at);
        Optional<String> wrong = text == null ? Optional.empty() : rule.apply(text);
        wrong.ifPresent(m -> problem(node, at, m));
        return wrong.isPresent() ? null : text;
    }

    /** The keys of a mapping in file order; empty for null, and a problem for anything else. */
    List<Entry> entries(Node node, String path) {
        if (isNull(node)) {
            return List.of();
        }
        if (!(node instanceof MappingNode mapping)) {
            problem(node, path, "expected key: value pairs, not " + kind(node));
            return List.of();
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        collect(mapping, path, entries, false, new IdentityHashMap<>());
        return List.copyOf(entries.values());
    }

    /** Explicit keys win over merged ones; among merged mappings the first wins, as YAML's merge key says. */
    private void collect(MappingNode mapping, String path, Map<String, Entry> into, boolean merged,
                         Map<Node, Boolean> visiting) {
        if (visiting.put(mapping, true) != null) {
            return;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            Node key = tuple.getKeyNode();
            Node value = tuple.getValueNode();
            if (key instanceof ScalarNode s && Tag.MERGE.equals(s.getTag())) {
                List<Node> sources = value instanceof SequenceNode seq ? seq.getValue() : List.of(value);
                for (Node source : sources) {
                    if (source instanceof MappingNode m) {
                        collect(m, path, into, true, visiting);
                    } else {
                        problem(source, path, "'<<' merges a mapping, not " + kind(source));
                    }
                }
            } else if (key instanceof ScalarNode s) {
                Entry entry = new Entry(s.getValue(), key, value);
                if (merged) {
                    into.putIfAbsent(entry.key(), entry);
                } else {
                    into.put(entry.key(), entry);
                }
            } else {
                problem(key, path, "a key must be a plain name, not " + kind(key));
            }
        }
        visiting.remove(mapping);
    }

    /** Labels and environment are written as a mapping or as a list of {@code KEY=VALUE}. */
    List<KeyValue> keyValues(Node node, String path) {
        List<KeyValue> out = new ArrayList<>();
        if (node instanceof SequenceNode) {
            List<Node> items = list(node, path);
            for (int i = 0; i < items.size(); i++) {
                String item = text(items.get(i), path + "[" + i + "]");
                if (item != null) {
                    int eq = item.indexOf('=');
                    out.add(new KeyValue(eq < 0 ? item : item.substring(0, eq), eq < 0 ? null : item.substring(eq + 1),
                            items.get(i)));
                }
            }
            return out;
        }
        for (Entry e : entries(node, path)) {
            if (isNull(e.value())) {
                out.add(new KeyValue(e.key(), null, e.keyNode()));
            } else {
                String value = text(e.value(), path + "." + e.key());
                if (value != null) {
                    out.add(new KeyValue(e.key(), value, e.keyNode()));
                }
            }
        }
        return out;
    }

    /** Extension keys ({@code x-}) pass, keys of the spec Berth does not apply warn, others are typos. */
    void otherKey(Entry e, String at, Collection<String> applied, Set<String> notApplied, String what) {
        if (notApplied.contains(e.key())) {
            warning(e.keyNode(), at + "." + e.key(), what + e.key() + " is not applied by Berth");
        } else if (!e.key().startsWith("x-")) {
            unknownKey(e, at, Stream.concat(applied.stream(), notApplied.stream()).toList());
        }
    }

    /** Names the key and, when it is a near miss of one, the key that was probably meant. */
    void unknownKey(Entry entry, String path, Collection<String> known) {
        String guess = known.stream()
                .filter(k -> distance(k, entry.key()) <= Math.max(1, Math.min(2, entry.key().length() / 3)))
                .min(Comparator.comparingInt(k -> distance(k, entry.key()))).orElse(null);
        problem(entry.keyNode(), path, "unknown key '" + entry.key() + "'"
                + (guess == null ? "" : "; did you mean '" + guess + "'?"));
    }

    /** Edit distance where swapping two neighbours counts as one edit, the commonest typo. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** YAML loaders keep the last of two equal keys silently; compose refuses them, and so do we. */
    void checkDuplicateKeys(Node node, String path, Set<Node> seen) {
        if (!seen.add(node)) {
            return;
        }
        if (node instanceof MappingNode mapping) {
            Map<String, Node> first = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String childPath = path;
                if (tuple.getKeyNode() instanceof ScalarNode key && !Tag.MERGE.equals(key.getTag())) {
                    Node earlier = first.putIfAbsent(key.getValue(), key);
                    if (earlier != null) {
                        problem(key, path, "duplicate key '" + key.getValue() + "' (first on line " + line(earlier) + ")");
                    }
                    childPath = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                }
                checkDuplicateKeys(tuple.getValueNode(), childPath, seen);
            }
        } else if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                checkDuplicateKeys(sequence.getValue().get(i), path + "[" + i + "]", seen);
            }
        }
    }
}
