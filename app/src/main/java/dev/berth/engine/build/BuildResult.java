package dev.berth.engine.build;

import java.time.Duration;
import java.util.List;

/**
 * How a build ended.
 *
 * @param builder the builder that ran it
 * @param imageId the built image ({@code sha256:...}), or null when it failed
 * @param steps   every step in the order the builder reported them, final snapshots
 * @param error   the builder's error, or null on success
 * @param elapsed wall time from sending the context to the last message
 */
public record BuildResult(Builder builder, String imageId, List<BuildStep> steps, String error, Duration elapsed) {

    public BuildResult {
        steps = List.copyOf(steps);
    }

    public boolean succeeded() {
        return error == null && imageId != null;
    }

    /** Only the Dockerfile's steps (no internal ones). */
    public List<BuildStep> dockerfileSteps() {
        return steps.stream().filter(BuildStep::isDockerfileStep).toList();
    }

    /** The failed step, if one failed. */
    public java.util.Optional<BuildStep> failedStep() {
        return steps.stream().filter(BuildStep::failed).reduce((first, second) -> second);
    }
}
