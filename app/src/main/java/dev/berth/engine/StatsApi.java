package dev.berth.engine;

/**
 * Live resource usage of the {@link Engine} facade: the engine's stats stream, one JSON document
 * per second per container, handed out raw for {@code dev.berth.stats} to read.
 */
public final class StatsApi {

    private final Engine engine;

    StatsApi(Engine engine) {
        this.engine = engine;
    }

    /**
     * Opens {@code GET /containers/{id}/stats?stream=1}. The stream stays open while the container
     * stops and starts again (a stopped container reports zeros); the caller closes it.
     */
    public EngineStream open(String containerId) {
        return engine.http(h -> new EngineStream(h.get("/containers/" + containerId + "/stats",
                new EngineHttp.Query().add("stream", "1"))));
    }
}
