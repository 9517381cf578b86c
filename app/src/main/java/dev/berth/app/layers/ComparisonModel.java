package dev.berth.app.layers;

import dev.berth.engine.ErrorMessages;
import dev.berth.layers.ImageAnalysis;
import dev.berth.layers.ImageComparison;
import dev.berth.layers.LayerInspector;
import dev.berth.ui.filetree.FileTreeModel;
import java.util.concurrent.CancellationException;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** This image against another: shared layers, where they part, and the files that differ there. */
final class ComparisonModel {

    private final LayerInspector inspector;
    private final ArchiveReads reads;
    private final ReadOnlyObjectProperty<ImageAnalysis> analysis;
    private final ReadOnlyObjectWrapper<ImageComparison> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<FileTreeModel> tree = new ReadOnlyObjectWrapper<>(this, "tree", FileTreeModel.empty());
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    ComparisonModel(LayerInspector inspector, ArchiveReads reads, ReadOnlyObjectProperty<ImageAnalysis> analysis) {
        this.inspector = inspector;
        this.reads = reads;
        this.analysis = analysis;
    }

    /** Reads the other image in the background, then compares; the file tree is the diverging layer's. */
    void compareWith(String otherReference) {
        ImageAnalysis mine = analysis.get();
        if (otherReference == null || otherReference.isBlank()) {
            status.set("Choose an image to compare with.");
            return;
        }
        if (mine == null) {
            status.set("Wait until this image has been read.");
            return;
        }
        String other = otherReference.strip();
        status.set("Reading " + other + "…");
        result.set(null);
        tree.set(FileTreeModel.empty());
        reads.submit(cancellation -> {
            LayerInspector.Overview o = inspector.overview(other);
            ImageComparison c = ImageComparison.of(mine, inspector.analyze(o, cancellation, null));
            return new Compared(c, FileEntries.tree(c.changes()));
        }, compared -> {
            result.set(compared.comparison());
            tree.set(compared.tree());
            status.set("");
        }, e -> status.set(e instanceof CancellationException ? "Stopped."
                : "Cannot compare with " + other + ": " + ErrorMessages.describe(e)));
    }

    ReadOnlyObjectProperty<ImageComparison> resultProperty() {
        return result.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<FileTreeModel> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    private record Compared(ImageComparison comparison, FileTreeModel tree) {
    }
}
