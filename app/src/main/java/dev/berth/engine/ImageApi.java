package dev.berth.engine;

import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import dev.berth.engine.build.BuildRequest;
import dev.berth.engine.build.BuildResult;
import dev.berth.engine.build.Builder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Image operations of the {@link Engine} facade. */
public final class ImageApi {

    private static final String NONE = "<none>:<none>";

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

    public void remove(String reference, boolean force) {
        engine.run(c -> c.removeImageCmd(reference).withForce(force).exec());
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
}
