package dev.berth.engine.build;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One row of a build's progress: a Dockerfile step ({@code number > 0}) or, with BuildKit, an
 * internal one such as "[internal] load build context". Snapshots are immutable; a build sends a
 * new snapshot of a step each time it changes.
 *
 * @param key         stable identity within one build (classic: the step number; BuildKit: the vertex digest)
 * @param stage       the build stage's name as the builder reports it (BuildKit only), or null
 * @param number      position in its stage (BuildKit) or in the whole Dockerfile (classic); 0 for internal steps
 * @param total       how many numbered steps the stage (BuildKit) or Dockerfile (classic) has
 * @param instruction the instruction as written, e.g. {@code COPY app.jar /app/}
 * @param cacheable   whether the builder could have taken it from the cache (false for FROM, for
 *                    instructions that run nothing, and for internal steps)
 * @param cached      served from the build cache
 * @param started     when it started, or null
 * @param completed   when it finished, or null while it runs
 * @param error       the builder's error if the step failed, else null
 * @param producedId  the image the classic builder committed for this step (short ID), or null
 */
public record BuildStep(String key, String stage, int number, int total, String instruction, boolean cacheable,
                        boolean cached, Instant started, Instant completed, String error, String producedId) {

    public boolean isDockerfileStep() {
        return number > 0;
    }

    public boolean isRunning() {
        return started != null && completed == null && error == null;
    }

    public boolean failed() {
        return error != null;
    }

    /** The instruction's keyword in upper case ({@code RUN}, {@code COPY}); "" for internal steps. */
    public String keyword() {
        if (!isDockerfileStep()) {
            return "";
        }
        String text = instruction.strip();
        int space = text.indexOf(' ');
        return (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
    }

    /** How long it ran (until {@code now} while running), or null before it started. */
    public Duration duration(Instant now) {
        if (started == null) {
            return null;
        }
        Instant end = completed != null ? completed : now;
        return end.isBefore(started) ? Duration.ZERO : Duration.between(started, end);
    }

    /** "[2/5] RUN make" or "[build 2/5] RUN make", as the docker CLI prints it. */
    public String title() {
        if (!isDockerfileStep()) {
            return instruction;
        }
        return "[" + (stage == null ? "" : stage + " ") + number + "/" + total + "] " + instruction;
    }

    BuildStep withTimes(Instant newStarted, Instant newCompleted) {
        return new BuildStep(key, stage, number, total, instruction, cacheable, cached, newStarted, newCompleted, error,
                producedId);
    }

    BuildStep withCached(boolean value) {
        return new BuildStep(key, stage, number, total, instruction, cacheable, value, started, completed, error,
                producedId);
    }

    BuildStep withCacheable(boolean value) {
        return new BuildStep(key, stage, number, total, instruction, value, cached, started, completed, error,
                producedId);
    }

    BuildStep withError(String message) {
        return new BuildStep(key, stage, number, total, instruction, cacheable, cached, started, completed, message,
                producedId);
    }

    BuildStep withProducedId(String id) {
        return new BuildStep(key, stage, number, total, instruction, cacheable, cached, started, completed, error, id);
    }
}
