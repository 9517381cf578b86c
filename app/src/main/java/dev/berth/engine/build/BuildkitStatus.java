package dev.berth.engine.build;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One {@code moby.buildkit.trace} message: BuildKit's {@code StatusResponse} (from
 * {@code api/services/control/control.proto}), which the engine sends base64-encoded in the
 * {@code aux} field of a build's JSON stream when building with {@code version=2}.
 *
 * @param vertexes  build graph nodes that started, finished or changed
 * @param statuses  progress of work inside a vertex (transfers, extraction, export)
 * @param logs      output of a vertex (a RUN's stdout/stderr)
 * @param warnings  warnings about a vertex (newer engines only)
 */
public record BuildkitStatus(List<Vertex> vertexes, List<VertexStatus> statuses, List<VertexLog> logs,
                             List<VertexWarning> warnings) {

    /** A node of the build graph: a Dockerfile step or an internal one ("[internal] load ..."). */
    public record Vertex(String digest, List<String> inputs, String name, boolean cached, Instant started,
                         Instant completed, String error) {
    }

    public record VertexStatus(String id, String vertex, String name, long current, long total, Instant timestamp,
                               Instant started, Instant completed) {
    }

    /** @param stream 1 for stdout, 2 for stderr */
    public record VertexLog(String vertex, Instant timestamp, int stream, byte[] message) {
    }

    public record VertexWarning(String vertex, long level, String message) {
    }

    /** Decodes the {@code aux} value of a {@code moby.buildkit.trace} message. */
    public static BuildkitStatus fromAux(String base64) {
        return decode(Base64.getDecoder().decode(base64));
    }

    /** Decodes a serialized {@code StatusResponse}; throws IllegalArgumentException if malformed. */
    public static BuildkitStatus decode(byte[] message) {
        List<Vertex> vertexes = new ArrayList<>();
        List<VertexStatus> statuses = new ArrayList<>();
        List<VertexLog> logs = new ArrayList<>();
        List<VertexWarning> warnings = new ArrayList<>();
        ProtoReader r = new ProtoReader(message);
        while (r.next()) {
            switch (r.field()) {
                case 1 -> vertexes.add(vertex(r.message()));
                case 2 -> statuses.add(status(r.message()));
                case 3 -> logs.add(log(r.message()));
                case 4 -> warnings.add(warning(r.message()));
                default -> r.skip();
            }
        }
        return new BuildkitStatus(List.copyOf(vertexes), List.copyOf(statuses), List.copyOf(logs), List.copyOf(warnings));
    }

    private static Vertex vertex(ProtoReader r) {
        String digest = "";
        List<String> inputs = new ArrayList<>();
        String name = "";
        boolean cached = false;
        Instant started = null;
        Instant completed = null;
        String error = null;
        while (r.next()) {
            switch (r.field()) {
                case 1 -> digest = r.string();
                case 2 -> inputs.add(r.string());
                case 3 -> name = r.string();
                case 4 -> cached = r.bool();
                case 5 -> started = r.timestamp();
                case 6 -> completed = r.timestamp();
                case 7 -> error = r.string();
                default -> r.skip();
            }
        }
        return new Vertex(digest, List.copyOf(inputs), name, cached, started, completed,
                error == null || error.isEmpty() ? null : error);
    }

    private static VertexStatus status(ProtoReader r) {
        String id = "";
        String vertex = "";
        String name = "";
        long current = 0;
        long total = 0;
        Instant timestamp = null;
        Instant started = null;
        Instant completed = null;
        while (r.next()) {
            switch (r.field()) {
                case 1 -> id = r.string();
                case 2 -> vertex = r.string();
                case 3 -> name = r.string();
                case 4 -> current = r.int64();
                case 5 -> total = r.int64();
                case 6 -> timestamp = r.timestamp();
                case 7 -> started = r.timestamp();
                case 8 -> completed = r.timestamp();
                default -> r.skip();
            }
        }
        return new VertexStatus(id, vertex, name, current, total, timestamp, started, completed);
    }

    private static VertexLog log(ProtoReader r) {
        String vertex = "";
        Instant timestamp = null;
        int stream = 1;
        byte[] message = new byte[0];
        while (r.next()) {
            switch (r.field()) {
                case 1 -> vertex = r.string();
                case 2 -> timestamp = r.timestamp();
                case 3 -> stream = (int) r.int64();
                case 4 -> message = r.bytes();
                default -> r.skip();
            }
        }
        return new VertexLog(vertex, timestamp, stream, message);
    }

    private static VertexWarning warning(ProtoReader r) {
        String vertex = "";
        long level = 0;
        String message = "";
        while (r.next()) {
            switch (r.field()) {
                case 1 -> vertex = r.string();
                case 2 -> level = r.int64();
                case 3 -> message = new String(r.bytes(), java.nio.charset.StandardCharsets.UTF_8);
                default -> r.skip();
            }
        }
        return new VertexWarning(vertex, level, message);
    }
}
