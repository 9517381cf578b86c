package dev.berth.engine;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.time.Instant;
import java.util.Optional;

/**
 * Container logs of the {@link Engine} facade. The log stream is handed out as raw bytes: at a
 * million lines docker-java's frame-by-frame callbacks (an object and a copy per frame) cost more
 * than Berth's own demuxer reading the socket in large blocks.
 */
public final class LogApi {

    private final Engine engine;

    LogApi(Engine engine) {
        this.engine = engine;
    }

    /** The container's TTY flag, state and exit code; empty when it no longer exists. */
    public Optional<LogTarget> target(String containerId) {
        try {
            InspectContainerResponse r = engine.call(c -> c.inspectContainerCmd(containerId).exec());
            InspectContainerResponse.ContainerState s = r.getState();
            String name = r.getName() == null ? containerId : r.getName().replaceFirst("^/", "");
            boolean tty = r.getConfig() != null && Boolean.TRUE.equals(r.getConfig().getTty());
            Long exit = s == null ? null : s.getExitCodeLong();
            return Optional.of(new LogTarget(r.getId(), name, tty, ContainerState.of(s == null ? null : s.getStatus()),
                    exit == null ? 0 : exit.intValue(), parseInstant(s == null ? null : s.getStartedAt())));
        } catch (EngineException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Opens the container's log stream ({@code GET /containers/{id}/logs}). The caller reads it (a
     * multiplexed stream, or raw for a TTY container) and closes it.
     */
    public EngineStream open(String containerId, LogQuery query) {
        return engine.http(h -> new EngineStream(h.get("/containers/" + containerId + "/logs", query.toQuery())));
    }

    private static Instant parseInstant(String text) {
        if (text == null || text.isBlank() || text.startsWith("0001-")) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }
}
