package dev.berth.app.layers;

import dev.berth.app.common.AppServices;
import dev.berth.app.common.Formats;
import dev.berth.layers.ImageAnalysis;
import dev.berth.layers.ImageStep;
import dev.berth.ui.filetree.FileTreeModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The files of the selected step's layer: what the step changed, or the whole filesystem after it. */
final class LayerFilesModel {

    private final AppServices services;
    private final ReadOnlyObjectProperty<ImageAnalysis> analysis;
    private final ObjectProperty<ImageStep> selectedStep = new SimpleObjectProperty<>(this, "selectedStep");
    private final BooleanProperty wholeFilesystem = new SimpleBooleanProperty(this, "wholeFilesystem");
    private final ReadOnlyObjectWrapper<FileTreeModel> tree = new ReadOnlyObjectWrapper<>(this, "tree", FileTreeModel.empty());
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    /** Only the tree of the latest selection is shown, however the background answers are ordered. */
    private int generation;

    LayerFilesModel(AppServices services, ReadOnlyObjectProperty<ImageAnalysis> analysis) {
        this.services = services;
        this.analysis = analysis;
        selectedStep.addListener((obs, old, now) -> refresh());
        wholeFilesystem.addListener((obs, old, now) -> refresh());
    }

    /** Once the image is read: keeps a selection the image still has, else selects its last layer. */
    void imageRead(ImageAnalysis a) {
        if (selectedStep.get() == null || !a.steps().contains(selectedStep.get())) {
            selectedStep.set(a.steps().stream().filter(s -> !s.isEmpty()).reduce((x, y) -> y).orElse(null));
        } else {
            refresh();
        }
    }

    private void refresh() {
        int current = ++generation;
        ImageStep step = selectedStep.get();
        ImageAnalysis a = analysis.get();
        if (step == null) {
            tree.set(FileTreeModel.empty());
            caption.set("Select a step to see what its layer changes.");
            return;
        }
        if (a == null) {
            tree.set(FileTreeModel.empty());
            caption.set("Step " + step.number() + ": the files appear once the image has been read.");
            return;
        }
        if (step.isEmpty()) {
            tree.set(FileTreeModel.empty());
            caption.set("Step " + step.number() + " made no layer: " + step.instruction().keyword()
                    + " only changes the image's settings.");
            return;
        }
        boolean whole = wholeFilesystem.get();
        int layer = step.layerIndex();
        caption.set("Step " + step.number() + " · layer " + (layer + 1) + " · " + Formats.bytes(step.size())
                + (whole ? " · the whole filesystem after this step" : " · what this step changed"));
        services.executor().submit(() -> FileEntries.tree(whole ? a.stack().filesystem(layer) : a.stack().changes(layer)),
                model -> {
                    if (current == generation) {
                        tree.set(model);
                    }
                }, e -> services.notifier().error("Cannot show the layer's files", e));
    }

    ObjectProperty<ImageStep> selectedStepProperty() {
        return selectedStep;
    }

    BooleanProperty wholeFilesystemProperty() {
        return wholeFilesystem;
    }

    ReadOnlyObjectProperty<FileTreeModel> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }
}
