package dev.berth.engine;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.ImageHistory;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the layer inspector reads from the engine: an image's history, its layer digests, and the
 * {@code docker save} archive as a stream.
 */
public final class LayerApi {

    private final Engine engine;

    LayerApi(Engine engine) {
        this.engine = engine;
    }

    /** The image's steps, oldest first (the engine answers newest first). */
    public List<ImageHistoryEntry> history(String reference) {
        List<ImageHistory> steps = engine.call(c -> c.imageHistoryCmd(reference).exec());
        List<ImageHistoryEntry> out = new ArrayList<>(steps.size());
        for (ImageHistory h : steps) {
            out.add(new ImageHistoryEntry(h.getId() == null ? "<missing>" : h.getId(),
                    Instant.ofEpochSecond(h.getCreated() == null ? 0 : h.getCreated()),
                    h.getCreatedBy() == null ? "" : h.getCreatedBy(),
                    h.getSize() == null ? 0 : h.getSize(),
                    h.getComment() == null ? "" : h.getComment(),
                    h.getTags() == null ? List.of() : List.copyOf(h.getTags())));
        }
        Collections.reverse(out);
        return out;
    }

    public ImageDetails inspect(String reference) {
        InspectImageResponse image = engine.call(c -> c.inspectImageCmd(reference).exec());
        List<String> diffIds = image.getRootFS() == null || image.getRootFS().getLayers() == null
                ? List.of() : List.copyOf(image.getRootFS().getLayers());
        return new ImageDetails(image.getId(),
                image.getRepoTags() == null ? List.of() : List.copyOf(image.getRepoTags()),
                diffIds, parseTime(image.getCreated()), image.getSize() == null ? 0 : image.getSize(),
                image.getOs() == null ? "" : image.getOs(), image.getArch() == null ? "" : image.getArch(),
                image.getConfig() == null || image.getConfig().getWorkingDir() == null
                        ? "" : image.getConfig().getWorkingDir());
    }

    /**
     * Streams {@code GET /images/{reference}/get}, the tar {@code docker save} writes. Nothing
     * touches the disk. Closing the stream aborts the transfer at once, so a cancelled analysis of
     * a large image does not read the rest of it.
     */
    public InputStream save(String reference) {
        return engine.http(http -> new AbortOnClose(http.get("/images/" + reference + "/get", null)));
    }

    private static Instant parseTime(String iso) {
        if (iso == null || iso.isBlank()) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(iso);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    /**
     * Closing the body stream of an unfinished response would first read the rest of it (to reuse
     * the connection); closing the response aborts the request instead.
     */
    private static final class AbortOnClose extends FilterInputStream {
        private final DockerHttpClient.Response response;
        private boolean closed;

        AbortOnClose(DockerHttpClient.Response response) {
            super(response.getBody());
            this.response = response;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                response.close();
            }
        }
    }
}
