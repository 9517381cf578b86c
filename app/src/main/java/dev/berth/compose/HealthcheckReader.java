package dev.berth.compose;

import dev.berth.compose.YamlNodes.Entry;
import dev.berth.engine.HealthCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads a service's {@code healthcheck:}, durations written as compose writes them ({@code 1m30s}). */
final class HealthcheckReader {

    private static final List<String> KEYS = List.of("test", "interval", "timeout", "start_period", "retries",
            "disable");
    private static final Set<String> NOT_APPLIED = Set.of("start_interval");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ns|us|µs|ms|s|m|h))+");

    private final YamlNodes nodes;

    HealthcheckReader(YamlNodes nodes) {
        this.nodes = nodes;
    }

    /** The check, or null when it has problems (reported) or is empty. */
    HealthCheck read(Node value, String at) {
        List<String> test = null;
        Duration interval = null;
        Duration timeout = null;
        Duration startPeriod = null;
        int retries = 0;
        boolean disable = false;
        for (Entry e : nodes.entries(value, at)) {
            String keyAt = at + "." + e.key();
            switch (e.key()) {
                case "test" -> test = test(e.value(), keyAt);
                case "interval" -> interval = duration(e.value(), keyAt);
                case "timeout" -> timeout = duration(e.value(), keyAt);
                case "start_period" -> startPeriod = duration(e.value(), keyAt);
                case "retries" -> retries = retries(e.value(), keyAt);
                case "disable" -> disable = Boolean.TRUE.equals(nodes.bool(e.value(), keyAt));
                default -> nodes.otherKey(e, at, KEYS, NOT_APPLIED, "healthcheck ");
            }
        }
        if (disable) {
            return HealthCheck.none();
        }
        boolean tuned = interval != null || timeout != null || startPeriod != null || retries > 0;
        // Timings without a test tune the image's own check: the engine keeps its test when it gets none.
        return test == null && !tuned ? null
                : new HealthCheck(test == null ? List.of() : test, interval, timeout, startPeriod, retries);
    }

    /** A string runs in a shell; a list starts with NONE, CMD or CMD-SHELL, as the engine takes it. */
    private List<String> test(Node value, String at) {
        if (!(value instanceof SequenceNode)) {
            String line = nodes.text(value, at);
            return line == null || line.isBlank() ? null : List.of("CMD-SHELL", line);
        }
        List<String> words = new ArrayList<>();
        nodes.eachItem(value, at, (item, itemAt) -> {
            String word = nodes.text(item, itemAt);
            if (word != null) {
                words.add(word);
            }
        });
        if (words.isEmpty() || !Set.of("NONE", "CMD", "CMD-SHELL").contains(words.get(0))) {
            nodes.problem(value, at, "a test list starts with CMD, CMD-SHELL or NONE, e.g. [CMD, pg_isready]");
            return null;
        }
        return words;
    }

    /** {@code 30s}, {@code 1m30s}, {@code 500ms}: Go's duration format, as compose reads it. */
    private Duration duration(Node value, String at) {
        String text = nodes.text(value, at);
        if (text == null) {
            return null;
        }
        if (!WHOLE.matcher(text).matches()) {
            nodes.problem(value, at, "'" + text + "' is not a duration: write e.g. 10s, 1m30s or 500ms");
            return null;
        }
        double nanos = 0;
        Matcher m = DURATION.matcher(text);
        while (m.find()) {
            double amount = Double.parseDouble(m.group(1));
            nanos += amount * switch (m.group(2)) {
                case "ns" -> 1d;
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
        }
        return Duration.ofNanos(Math.round(nanos));
    }

    private int retries(Node value, String at) {
        String text = nodes.text(value, at);
        if (text == null) {
            return 0;
        }
        if (!text.matches("\\d{1,6}")) {
            nodes.problem(value, at, "retries is a whole number, e.g. 3");
            return 0;
        }
        return Integer.parseInt(text);
    }
}
