package dev.berth.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.berth.engine.build.BuildRequest;
import dev.berth.engine.build.BuildResult;
import dev.berth.engine.build.Builder;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.LongConsumer;

/** Image operations of the {@link Engine} facade. */
public final class ImageApi {

    private static final String NONE = "<none>:<none>";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Engine engine;

    ImageApi(Engine engine) {
        this.engine = engine;
    }

    /** Every top-level image (like {@code docker images}; build cache intermediates excluded). */
    public List<ImageSummary> list() {
        return engine.call(c -> c.listImagesCmd().exec()).stream().map(ImageApi::summary).toList();
    }

    /** Images carrying the given label value. */
    public List<ImageSummary> listByLabel(String key, String value) {
        return engine.call(c -> c.listImagesCmd().withLabelFilter(Map.of(key, value)).exec())
                .stream().map(ImageApi::summary).toList();
    }

    /** True when the engine has an image with this reference or ID. */
    public boolean exists(String reference) {
        try {
            engine.run(c -> c.inspectImageCmd(reference).exec());
            return true;
        } catch (EngineException e) {
            if (e.isNotFound() || e.getCause() instanceof NotFoundException) {
                return false;
            }
            throw e;
        }
    }

    /** The full ID of the image a reference points to. */
    public String idOf(String reference) {
        return engine.call(c -> c.inspectImageCmd(reference).exec().getId());
    }

    /**
     * Builds the Dockerfile in {@code contextDir} with the classic builder and waits for it;
     * returns the image ID. For fixtures and scripts; the build view uses {@link BuildApi}.
     */
    public String build(Path contextDir, String tag, Map<String, String> labels) {
        BuildResult result = engine.builds().build(BuildRequest.of(contextDir, Builder.CLASSIC)
                .withTags(tag).withLabels(labels));
        if (!result.succeeded()) {
            throw new EngineException(-1, result.error(), null);
        }
        return result.imageId();
    }

    /**
     * Removes a reference ({@code docker rmi}): a tag of an image with other tags is only
     * untagged; the last tag, or an ID, removes the image. The engine refuses an image a container
     * uses unless {@code force}.
     */
    public void remove(String reference, boolean force) {
        engine.run(c -> c.removeImageCmd(reference).withForce(force).exec());
    }

    /** Adds a reference to an image ({@code docker tag}); the target is checked first. */
    public void tag(String image, String target) {
        ImageReference ref = ImageReference.parse(target);
        if (ref.digest() != null) {
            throw new IllegalArgumentException("A tag cannot contain a digest");
        }
        engine.run(c -> c.tagImageCmd(image, ref.repository(), ref.tagOrLatest()).exec());
    }

    /**
     * What pruning would remove: dangling images, or with {@code unusedToo} every image no
     * container uses. {@code labels} narrows it to images with those labels (tests use it to
     * touch only their own images).
     */
    public PrunePlan prunePreview(boolean unusedToo, Map<String, String> labels) {
        Set<String> used = new HashSet<>();
        engine.containers().list().forEach(c -> used.add(c.imageId()));
        List<ImageSummary> candidates = new ArrayList<>();
        for (ImageSummary image : labels.isEmpty() ? list() : listMatching(labels)) {
            if ((unusedToo || image.isDangling()) && !used.contains(image.id())) {
                candidates.add(image);
            }
        }
        Map<String, Long> shared = sharedSizes();
        long bytes = 0;
        for (ImageSummary image : candidates) {
            long sharedBytes = Math.max(0, shared.getOrDefault(image.id(), 0L));
            bytes += Math.max(0, image.size() - sharedBytes);
        }
        return new PrunePlan(candidates, bytes);
    }

    /** Prunes as {@link #prunePreview} describes; returns the space the engine reports reclaimed. */
    public long prune(boolean unusedToo, Map<String, String> labels) {
        EngineHttp.Query query = EngineHttp.filters(labels, Map.of("dangling", unusedToo ? "false" : "true"));
        return engine.http(http -> EngineHttp.tree(http.post("/images/prune", query, Map.of(), null)))
                .path("SpaceReclaimed").asLong(0);
    }

    /**
     * Writes images to a tar file ({@code docker save}), reporting bytes written as they go.
     * A cancelled save deletes the partial file.
     */
    public void save(List<String> references, Path file, LongConsumer bytesWritten, Cancellation cancellation) {
        EngineHttp.Query query = new EngineHttp.Query();
        references.forEach(r -> query.add("names", r));
        try {
            engine.http(http -> {
                try (DockerHttpClient.Response response = http.get("/images/get", query);
                     Subscription onCancel = cancellation.onCancel(response::close);
                     InputStream in = response.getBody();
                     OutputStream out = Files.newOutputStream(file)) {
                    byte[] buffer = new byte[256 * 1024];
                    long total = 0;
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        cancellation.check();
                        out.write(buffer, 0, n);
                        total += n;
                        bytesWritten.accept(total);
                    }
                    cancellation.check();
                    return null;
                } catch (IOException e) {
                    if (cancellation.isCancelled()) {
                        throw new CancellationException("Save cancelled");
                    }
                    throw new UncheckedIOException(e);
                }
            });
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    /**
     * Loads images from a tar file ({@code docker load}), reporting bytes read as they are sent;
     * returns what the engine says it loaded ("repo:tag" or an image ID).
     */
    public List<String> load(Path file, LongConsumer bytesRead, Cancellation cancellation) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No such file: " + file);
        }
        List<String> loaded = new ArrayList<>();
        String[] error = new String[1];
        engine.http(http -> {
            try (InputStream in = new CountingInputStream(Files.newInputStream(file), bytesRead, cancellation);
                 Subscription closeOnCancel = cancellation.onCancel(() -> closeQuietly(in));
                 DockerHttpClient.Response response = http.post("/images/load", new EngineHttp.Query().add("quiet", "1"),
                         Map.of("Content-Type", "application/x-tar"), in)) {
                EngineHttp.readJson(response.getBody(), message -> {
                    if (message.hasNonNull("error") || message.path("errorDetail").hasNonNull("message")) {
                        error[0] = message.path("errorDetail").path("message").asText(message.path("error").asText());
                    }
                    String stream = message.path("stream").asText("").strip();
                    if (stream.startsWith("Loaded image: ")) {
                        loaded.add(stream.substring("Loaded image: ".length()).strip());
                    } else if (stream.startsWith("Loaded image ID: ")) {
                        loaded.add(stream.substring("Loaded image ID: ".length()).strip());
                    }
                }, cancellation);
                return null;
            } catch (IOException e) {
                if (cancellation.isCancelled()) {
                    throw new CancellationException("Load cancelled");
                }
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                if (cancellation.isCancelled()) {
                    throw new CancellationException("Load cancelled");
                }
                throw e;
            }
        });
        if (error[0] != null) {
            throw new EngineException(-1, ErrorMessages.engineMessage(error[0]), null);
        }
        return loaded;
    }

    private List<ImageSummary> listMatching(Map<String, String> labels) {
        return engine.call(c -> c.listImagesCmd().withLabelFilter(labels).exec()).stream().map(ImageApi::summary).toList();
    }

    /** Bytes each image shares with others, from {@code /system/df} (the plain list leaves it out). */
    private Map<String, Long> sharedSizes() {
        Map<String, Long> out = new HashMap<>();
        for (JsonNode image : engine.http(http -> http.getTree("/system/df")).path("Images")) {
            out.put(image.path("Id").asText(), image.path("SharedSize").asLong(0));
        }
        return out;
    }

    static ImageSummary summary(Image image) {
        List<String> tags = image.getRepoTags() == null ? List.of()
                : Arrays.stream(image.getRepoTags()).filter(t -> !NONE.equals(t)).toList();
        List<String> digests = image.getRepoDigests() == null ? List.of()
                : Arrays.stream(image.getRepoDigests()).filter(d -> !"<none>@<none>".equals(d)).toList();
        return new ImageSummary(image.getId(), tags, digests,
                image.getCreated() == null ? Instant.EPOCH : Instant.ofEpochSecond(image.getCreated()),
                image.getSize() == null ? 0 : image.getSize(),
                image.getSharedSize() == null ? -1 : image.getSharedSize(), image.getLabels());
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort: a partial file the user can delete
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // only to unblock the sender
        }
    }

    /** Reports how much of a file has been handed to the engine. */
    private static final class CountingInputStream extends FilterInputStream {
        private final LongConsumer progress;
        private final Cancellation cancellation;
        private long count;

        CountingInputStream(InputStream in, LongConsumer progress, Cancellation cancellation) {
            super(in);
            this.progress = progress;
            this.cancellation = cancellation;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        private void advance(long n) throws IOException {
            if (cancellation.isCancelled()) {
                throw new IOException("cancelled");
            }
            count += n;
            progress.accept(count);
        }
    }
}
