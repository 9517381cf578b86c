package dev.berth.engine.build;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.List;

/**
 * Reads the JSON messages of one {@code POST /build} response, from either builder, into step
 * rows, output lines, the built image's ID and the error if any. Not thread-safe: one stream
 * thread feeds it.
 */
public final class BuildProgress {

    static final String BUILDKIT_TRACE = "moby.buildkit.trace";

    private final BuildListener listener;
    private final StepTable table;
    private final ClassicBuildLog classic;
    private final BuildkitVertices buildkit;
    private String imageId;
    private String error;

    public BuildProgress(BuildListener listener, Clock clock) {
        this.listener = listener;
        this.table = new StepTable(listener);
        this.classic = new ClassicBuildLog(table, listener, clock);
        this.buildkit = new BuildkitVertices(table, listener);
    }

    /** One message of the stream. */
    public void accept(JsonNode message) {
        JsonNode errorDetail = message.path("errorDetail");
        if (message.hasNonNull("error") || errorDetail.hasNonNull("message")) {
            fail(errorDetail.path("message").asText(message.path("error").asText("The build failed")));
            return;
        }
        String id = message.path("id").asText("");
        JsonNode aux = message.path("aux");
        if (BUILDKIT_TRACE.equals(id) && aux.isTextual()) {
            buildkit.accept(BuildkitStatus.fromAux(aux.asText()));
            return;
        }
        if (aux.hasNonNull("ID")) {
            imageId = aux.get("ID").asText();
            return;
        }
        if (message.hasNonNull("stream")) {
            classic.accept(message.get("stream").asText());
            return;
        }
        if (message.hasNonNull("status")) {
            // Pulling a base image: "Pulling from library/alpine", "Download complete", ...
            String status = message.get("status").asText();
            listener.output(null, id.isEmpty() ? status : id + ": " + status);
        }
    }

    /** The build failed before or outside the stream (e.g. the engine refused the request). */
    public void fail(String message) {
        error = message;
        BuildStep running = table.lastRunning();
        if (running == null && classic.currentStep() != null) {
            running = table.get(classic.currentStep());
        }
        boolean alreadyMarked = table.all().stream().anyMatch(BuildStep::failed);
        if (running != null && !alreadyMarked) {
            table.put(running.withError(message));
        }
        listener.output(null, "ERROR: " + message);
    }

    /** The stream ended. */
    public void finish() {
        boolean succeeded = error == null && imageId != null;
        classic.finish(succeeded);
        buildkit.finish();
        if (error == null && imageId == null) {
            fail("The build ended without producing an image");
        }
    }

    public String imageId() {
        return imageId;
    }

    public String error() {
        return error;
    }

    public List<BuildStep> steps() {
        return table.all();
    }
}
