package dev.berth.engine.build;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns BuildKit's vertex updates into step rows. Each update repeats the vertex in full (name,
 * cached, started, completed, error), so a row is simply replaced; log output arrives in chunks
 * per vertex and is cut into lines here.
 */
final class BuildkitVertices {

    /** "[2/4] RUN make", "[build 2/4] RUN make", "[ 2/12] COPY . ." (numbers are padded). */
    private static final Pattern NUMBERED = Pattern.compile("^\\[(?:(\\S+)\\s+)?\\s*(\\d+)/(\\d+)\\]\\s+(.*)$",
            Pattern.DOTALL);

    private final StepTable table;
    private final BuildListener listener;
    private final Map<String, StringBuilder> partialLines = new HashMap<>();

    BuildkitVertices(StepTable table, BuildListener listener) {
        this.table = table;
        this.listener = listener;
    }

    void accept(BuildkitStatus status) {
        for (BuildkitStatus.Vertex vertex : status.vertexes()) {
            table.put(step(vertex, table.get(vertex.digest())));
        }
        for (BuildkitStatus.VertexLog log : status.logs()) {
            output(log.vertex(), new String(log.message(), StandardCharsets.UTF_8));
        }
        for (BuildkitStatus.VertexWarning warning : status.warnings()) {
            listener.output(warning.vertex(), "WARNING: " + warning.message());
        }
    }

    void finish() {
        partialLines.forEach((vertex, rest) -> {
            if (!rest.isEmpty()) {
                listener.output(vertex, rest.toString());
            }
        });
        partialLines.clear();
    }

    static BuildStep step(BuildkitStatus.Vertex vertex, BuildStep previous) {
        Matcher numbered = NUMBERED.matcher(vertex.name());
        String stage = null;
        int number = 0;
        int total = 0;
        String instruction = vertex.name();
        if (numbered.matches()) {
            stage = numbered.group(1);
            number = Integer.parseInt(numbered.group(2));
            total = Integer.parseInt(numbered.group(3));
            instruction = numbered.group(4).strip();
        }
        BuildStep step = new BuildStep(vertex.digest(), stage, number, total, instruction, false, vertex.cached(),
                vertex.started() != null ? vertex.started() : previous == null ? null : previous.started(),
                vertex.completed(), vertex.error(), null);
        return step.withCacheable(step.isDockerfileStep() && !"FROM".equals(step.keyword()));
    }

    private void output(String vertex, String text) {
        StringBuilder partial = partialLines.computeIfAbsent(vertex, v -> new StringBuilder());
        partial.append(text);
        int newline;
        while ((newline = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, newline);
            partial.delete(0, newline + 1);
            listener.output(vertex, line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
    }
}
