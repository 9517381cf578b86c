package dev.berth.engine;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** Image operations of the {@link Engine} facade. */
public final class ImageApi {

    private final Engine engine;

    ImageApi(Engine engine) {
        this.engine = engine;
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
     * returns the image ID.
     */
    public String build(Path contextDir, String tag, Map<String, String> labels) {
        return engine.call(c -> c.buildImageCmd(contextDir.toFile())
                .withTags(Set.of(tag))
                .withLabels(labels)
                .exec(new BuildImageResultCallback())
                .awaitImageId());
    }

    public void remove(String reference, boolean force) {
        engine.run(c -> c.removeImageCmd(reference).withForce(force).exec());
    }
}
