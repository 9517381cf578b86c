package dev.berth.app.layers;

import dev.berth.engine.ErrorMessages;
import dev.berth.engine.build.Dockerfile;
import dev.berth.layers.CacheExplainer;
import dev.berth.layers.CacheExplanation;
import dev.berth.layers.ImageAnalysis;
import dev.berth.layers.LayerInspector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** Why building this image missed the cache, against the image the build could have reused. */
final class CacheExplanationModel {

    private final LayerInspector inspector;
    private final ArchiveReads reads;
    private final ReadOnlyObjectProperty<ImageAnalysis> analysis;
    private final ReadOnlyObjectWrapper<CacheExplanation> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    CacheExplanationModel(LayerInspector inspector, ArchiveReads reads, ReadOnlyObjectProperty<ImageAnalysis> analysis) {
        this.inspector = inspector;
        this.reads = reads;
        this.analysis = analysis;
    }

    /**
     * Explains the first cache miss against {@code previousReference} (usually the previous build
     * of the same tag).
     *
     * @param dockerfilePath the Dockerfile it was built from, or null
     * @param context        the build context folder, or null (then copied files are not compared)
     */
    void explain(String previousReference, Path dockerfilePath, Path context) {
        ImageAnalysis mine = analysis.get();
        if (previousReference == null || previousReference.isBlank()) {
            status.set("Choose the previous image: the one this build could have reused.");
            return;
        }
        if (mine == null) {
            status.set("Wait until this image has been read.");
            return;
        }
        if (dockerfilePath != null && !Files.isRegularFile(dockerfilePath)) {
            status.set("No Dockerfile at " + dockerfilePath);
            return;
        }
        if (context != null && !Files.isDirectory(context)) {
            status.set("The build context must be a folder: " + context);
            return;
        }
        String previous = previousReference.strip();
        status.set("Reading " + previous + "…");
        result.set(null);
        reads.submit(cancellation -> {
            ImageAnalysis before = inspector.analyze(inspector.overview(previous), cancellation, null);
            Dockerfile df = dockerfilePath == null ? null : Dockerfile.parse(Files.readString(dockerfilePath));
            return CacheExplainer.explain(before, mine.steps(), df, context);
        }, why -> {
            result.set(why);
            status.set("");
        }, e -> status.set(e instanceof CancellationException ? "Stopped."
                : "Cannot explain: " + ErrorMessages.describe(e)));
    }

    ReadOnlyObjectProperty<CacheExplanation> resultProperty() {
        return result.getReadOnlyProperty();
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
