package dev.berth.engine.build;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to build. Immutable; the {@code with} methods return changed copies.
 *
 * @param contextDir the build context folder
 * @param dockerfile the Dockerfile, or null for {@code Dockerfile} in the context folder; it may
 *                   live outside the context (it is then sent along under a private name, as the
 *                   docker CLI does)
 * @param tags       references to tag the result with, e.g. {@code app:1.2}
 * @param buildArgs  values for the Dockerfile's {@code ARG}s
 * @param target     the stage to stop at, or null for the last one
 * @param noCache    build every step again
 * @param labels     labels to set on the image
 * @param builder    which builder runs it
 */
public record BuildRequest(Path contextDir, Path dockerfile, List<String> tags, Map<String, String> buildArgs,
                           String target, boolean noCache, Map<String, String> labels, Builder builder) {

    public BuildRequest {
        Objects.requireNonNull(contextDir, "contextDir");
        Objects.requireNonNull(builder, "builder");
        tags = List.copyOf(tags);
        buildArgs = Map.copyOf(buildArgs);
        labels = Map.copyOf(labels);
        target = target == null || target.isBlank() ? null : target.strip();
    }

    public static BuildRequest of(Path contextDir, Builder builder) {
        return new BuildRequest(contextDir, null, List.of(), Map.of(), null, false, Map.of(), builder);
    }

    /** The Dockerfile to use: the chosen one, or {@code Dockerfile} in the context. */
    public Path effectiveDockerfile() {
        return dockerfile != null ? dockerfile : contextDir.resolve("Dockerfile");
    }

    public BuildRequest withDockerfile(Path file) {
        return new BuildRequest(contextDir, file, tags, buildArgs, target, noCache, labels, builder);
    }

    public BuildRequest withTags(String... newTags) {
        return new BuildRequest(contextDir, dockerfile, List.of(newTags), buildArgs, target, noCache, labels, builder);
    }

    public BuildRequest withTags(List<String> newTags) {
        return new BuildRequest(contextDir, dockerfile, newTags, buildArgs, target, noCache, labels, builder);
    }

    public BuildRequest withBuildArgs(Map<String, String> args) {
        return new BuildRequest(contextDir, dockerfile, tags, args, target, noCache, labels, builder);
    }

    public BuildRequest withTarget(String stage) {
        return new BuildRequest(contextDir, dockerfile, tags, buildArgs, stage, noCache, labels, builder);
    }

    public BuildRequest withNoCache(boolean value) {
        return new BuildRequest(contextDir, dockerfile, tags, buildArgs, target, value, labels, builder);
    }

    public BuildRequest withLabels(Map<String, String> newLabels) {
        return new BuildRequest(contextDir, dockerfile, tags, buildArgs, target, noCache, newLabels, builder);
    }

    public BuildRequest withLabel(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(labels);
        copy.put(key, value);
        return withLabels(copy);
    }

    public BuildRequest withBuilder(Builder newBuilder) {
        return new BuildRequest(contextDir, dockerfile, tags, buildArgs, target, noCache, labels, newBuilder);
    }
}
