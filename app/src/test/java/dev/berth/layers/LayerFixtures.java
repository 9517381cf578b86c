package dev.berth.layers;

import dev.berth.engine.Engine;
import dev.berth.engine.build.BuildRequest;
import dev.berth.engine.build.BuildResult;
import dev.berth.engine.build.Builder;
import dev.berth.testing.BuildContexts;
import dev.berth.testing.TestImages;
import dev.berth.testing.TestResources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Images built on the real engine for the layer tests, FROM the busybox test image, labelled with
 * this run's ID so {@link TestResources#removeImages} removes them.
 */
final class LayerFixtures {

    /** Adds, modifies, deletes, replaces a folder (opaque), links, and has steps without layers. */
    static final List<String> CHANGES = List.of(
            "FROM " + TestImages.BUSYBOX,
            "ENV APP_HOME=/app",
            "RUN mkdir -p /app/data /app/cache /opq && echo one > /app/data/a && echo two > /app/data/b"
                    + " && dd if=/dev/zero of=/app/cache/big bs=1024 count=300 2>/dev/null"
                    + " && echo lower > /opq/old && echo lower2 > /opq/old2 && echo %s > /app/run-id",
            "RUN echo changed > /app/data/a && rm /app/data/b && rm -rf /app/cache"
                    + " && rm -rf /opq && mkdir /opq && echo upper > /opq/new",
            "RUN ln -s /app/data/a /app/link && ln /app/data/a /app/hard",
            "LABEL purpose=layer-fixture",
            "CMD [\"sh\"]");

    private LayerFixtures() {
    }

    /** Builds {@code dockerfile} (lines; {@code %s} becomes the run ID) and returns the image ID. */
    static String build(Engine engine, Builder builder, String name, List<String> dockerfile, Map<String, String> files) {
        TestImages.busybox(engine);
        Path dir = context(dockerfile, files);
        try {
            BuildResult result = engine.builds().build(request(dir, builder, name));
            if (!result.succeeded()) {
                throw new AssertionError("fixture " + name + " did not build: " + result.error());
            }
            return result.imageId();
        } finally {
            BuildContexts.delete(dir);
        }
    }

    static BuildRequest request(Path dir, Builder builder, String name) {
        return BuildRequest.of(dir, builder).withTags(tag(builder, name)).withLabel(TestResources.LABEL, TestResources.RUN_ID);
    }

    static String tag(Builder builder, String name) {
        return TestResources.name("layers-" + name + "-" + builder.name().toLowerCase(Locale.ROOT)) + ":1";
    }

    static Path context(List<String> dockerfile, Map<String, String> files) {
        try {
            Path dir = Files.createTempDirectory("berth-layers");
            Files.writeString(dir.resolve("Dockerfile"),
                    String.join("\n", dockerfile).replace("%s", TestResources.RUN_ID) + "\n");
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path file = dir.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, f.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
