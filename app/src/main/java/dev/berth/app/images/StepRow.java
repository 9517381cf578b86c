package dev.berth.app.images;

import dev.berth.engine.build.BuildStep;
import java.time.Duration;
import java.time.Instant;

/**
 * A build step as the build view shows it: the engine's snapshot plus the Dockerfile line it
 * came from (0 when unknown) and, for BuildKit once the build is done, the layer it made (or null).
 */
public record StepRow(BuildStep step, int line, String layer) {

    /** The badge word: cached, built, running, failed, base, waiting. */
    public String status() {
        if (step.failed()) {
            return "failed";
        }
        if (step.cached()) {
            return "cached";
        }
        if (step.isRunning()) {
            return "running";
        }
        if (step.started() == null) {
            return "waiting";
        }
        return step.cacheable() ? "built" : step.isDockerfileStep() ? "base" : "done";
    }

    /** "0.4 s", "1 m 12 s", or "" before it starts. */
    public String durationText(Instant now) {
        Duration d = step.duration(now);
        if (d == null || step.cached()) {
            return "";
        }
        long millis = d.toMillis();
        if (millis < 60_000) {
            return String.format("%.1f s", millis / 1000.0);
        }
        return (millis / 60_000) + " m " + (millis / 1000 % 60) + " s";
    }
}
