package dev.berth.app.layers;

import dev.berth.app.common.AppServices;
import dev.berth.app.common.Formats;
import dev.berth.app.concurrent.UiBatcher;
import dev.berth.engine.Cancellation;
import dev.berth.engine.ErrorMessages;
import dev.berth.engine.ImageSummary;
import dev.berth.layers.Advice;
import dev.berth.layers.CacheExplainer;
import dev.berth.layers.CacheExplanation;
import dev.berth.engine.build.Dockerfile;
import dev.berth.layers.DockerfileAdvisor;
import dev.berth.layers.DockerfileSteps;
import dev.berth.layers.ImageAnalysis;
import dev.berth.layers.ImageComparison;
import dev.berth.layers.ImageStep;
import dev.berth.layers.LayerInspector;
import dev.berth.ui.filetree.FileTreeModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The layer inspector of one image: reads its history at once, then its archive in the
 * background (cancellable, with progress), and answers the views' questions (a layer's files,
 * a comparison, a cache explanation, advice) off the FX thread.
 */
public final class LayerInspectorViewModel implements AutoCloseable {

    /** Where the inspection stands. */
    public enum Phase { LOADING, READING, READY, FAILED }

    private final AppServices services;
    private final String reference;
    private final LayerInspector inspector;
    private final List<Cancellation> running = new CopyOnWriteArrayList<>();

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.LOADING);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Reading the image's history…");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyObjectWrapper<LayerInspector.Overview> overview = new ReadOnlyObjectWrapper<>(this, "overview");
    private final ReadOnlyObjectWrapper<ImageAnalysis> analysis = new ReadOnlyObjectWrapper<>(this, "analysis");
    private final ObservableList<ImageStep> steps = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();

    private final ObjectProperty<ImageStep> selectedStep = new SimpleObjectProperty<>(this, "selectedStep");
    private final BooleanProperty wholeFilesystem = new SimpleBooleanProperty(this, "wholeFilesystem");
    private final ReadOnlyObjectWrapper<FileTreeModel> tree = new ReadOnlyObjectWrapper<>(this, "tree", FileTreeModel.empty());
    private final ReadOnlyStringWrapper treeCaption = new ReadOnlyStringWrapper(this, "treeCaption", "");
    private int treeGeneration;

    private final ReadOnlyObjectWrapper<ImageComparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final ReadOnlyObjectWrapper<FileTreeModel> comparisonTree =
            new ReadOnlyObjectWrapper<>(this, "comparisonTree", FileTreeModel.empty());
    private final ReadOnlyStringWrapper comparisonStatus = new ReadOnlyStringWrapper(this, "comparisonStatus", "");

    private final ReadOnlyObjectWrapper<CacheExplanation> explanation = new ReadOnlyObjectWrapper<>(this, "explanation");
    private final ReadOnlyStringWrapper explanationStatus = new ReadOnlyStringWrapper(this, "explanationStatus", "");

    private final ObservableList<Advice> advice = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Path> dockerfile = new ReadOnlyObjectWrapper<>(this, "dockerfile");
    private final ReadOnlyObjectWrapper<List<Dockerfile.Instruction>> stepLines =
            new ReadOnlyObjectWrapper<>(this, "stepLines", List.of());
    private Dockerfile parsedDockerfile;

    public LayerInspectorViewModel(AppServices services, String reference) {
        this.services = services;
        this.reference = reference;
        this.inspector = new LayerInspector(services.engine().layers());
        selectedStep.addListener((obs, old, now) -> refreshTree());
        wholeFilesystem.addListener((obs, old, now) -> refreshTree());
    }

    public String reference() {
        return reference;
    }

    /** Reads the history, then the archive. Call once, on the UI thread. */
    public void load() {
        services.executor().submit(() -> inspector.overview(reference), this::overviewArrived, e -> fail(e, "Cannot read the image"));
    }

    private void overviewArrived(LayerInspector.Overview o) {
        overview.set(o);
        steps.setAll(o.steps());
        ImageAnalysis cached = LayerInspector.cached(o.image().id());
        if (cached != null) {
            analysisArrived(cached);
            return;
        }
        phase.set(Phase.READING);
        long total = Math.max(1, o.image().size());
        status.set("Reading the image's files…");
        progress.set(0);
        UiBatcher<Long> bytes = new UiBatcher<>(services.executor().ui(), batch -> {
            long read = batch.get(batch.size() - 1);
            if (phase.get() == Phase.READING) {
                progress.set(Math.min(1.0, (double) read / total));
                status.set("Reading the image's files… " + Formats.bytes(read) + " of about " + Formats.bytes(total));
            }
        });
        Cancellation cancellation = track(new Cancellation());
        services.executor().submit(() -> inspector.analyze(o, cancellation, bytes::add), a -> {
            running.remove(cancellation);
            analysisArrived(a);
        }, e -> {
            running.remove(cancellation);
            fail(e, "Cannot read the image's files");
        });
    }

    private void analysisArrived(ImageAnalysis a) {
        analysis.set(a);
        steps.setAll(a.steps());
        warnings.setAll(a.warnings());
        phase.set(Phase.READY);
        progress.set(1);
        status.set(a.complete() ? "" : "Some layers could not be read whole; what could be read is shown.");
        if (selectedStep.get() == null || !steps.contains(selectedStep.get())) {
            selectedStep.set(a.steps().stream().filter(s -> !s.isEmpty()).reduce((x, y) -> y).orElse(null));
        } else {
            refreshTree();
        }
        refreshAdvice();
    }

    private void fail(Throwable e, String what) {
        if (e instanceof CancellationException) {
            phase.set(Phase.FAILED);
            status.set("Stopped. The history is shown; the files were not read.");
            progress.set(0);
            return;
        }
        phase.set(Phase.FAILED);
        status.set(what + ": " + ErrorMessages.describe(e));
        progress.set(0);
    }

    /** Stops reading the archive (and any comparison or explanation in progress). */
    public void cancel() {
        for (Cancellation c : running) {
            c.cancel();
        }
        running.clear();
    }

    private Cancellation track(Cancellation c) {
        running.add(c);
        return c;
    }

    private void refreshTree() {
        int generation = ++treeGeneration;
        ImageStep step = selectedStep.get();
        ImageAnalysis a = analysis.get();
        if (step == null) {
            tree.set(FileTreeModel.empty());
            treeCaption.set("Select a step to see what its layer changes.");
            return;
        }
        if (a == null) {
            tree.set(FileTreeModel.empty());
            treeCaption.set("Step " + step.number() + ": the files appear once the image has been read.");
            return;
        }
        if (step.isEmpty()) {
            tree.set(FileTreeModel.empty());
            treeCaption.set("Step " + step.number() + " made no layer: " + step.instruction().keyword()
                    + " only changes the image's settings.");
            return;
        }
        boolean whole = wholeFilesystem.get();
        int layer = step.layerIndex();
        treeCaption.set("Step " + step.number() + " · layer " + (layer + 1) + " · " + Formats.bytes(step.size())
                + (whole ? " · the whole filesystem after this step" : " · what this step changed"));
        services.executor().submit(() -> FileEntries.tree(whole ? a.stack().filesystem(layer) : a.stack().changes(layer)),
                model -> {
                    if (generation == treeGeneration) {
                        tree.set(model);
                    }
                }, e -> services.notifier().error("Cannot show the layer's files", e));
    }

    /** Compares this image with another: shared layers, divergence, file differences there. */
    public void compareWith(String otherReference) {
        ImageAnalysis mine = analysis.get();
        if (otherReference == null || otherReference.isBlank()) {
            comparisonStatus.set("Choose an image to compare with.");
            return;
        }
        if (mine == null) {
            comparisonStatus.set("Wait until this image has been read.");
            return;
        }
        String other = otherReference.strip();
        comparisonStatus.set("Reading " + other + "…");
        comparison.set(null);
        comparisonTree.set(FileTreeModel.empty());
        Cancellation cancellation = track(new Cancellation());
        services.executor().submit(() -> {
            LayerInspector.Overview o = inspector.overview(other);
            ImageComparison c = ImageComparison.of(mine, inspector.analyze(o, cancellation, null));
            return new Compared(c, FileEntries.tree(c.changes()));
        }, result -> {
            running.remove(cancellation);
            comparison.set(result.comparison());
            comparisonTree.set(result.tree());
            comparisonStatus.set("");
        }, e -> {
            running.remove(cancellation);
            comparisonStatus.set(e instanceof CancellationException ? "Stopped."
                    : "Cannot compare with " + other + ": " + ErrorMessages.describe(e));
        });
    }

    /**
     * Explains why building this image missed the cache, against the image the build could have
     * reused (usually the previous build of the same tag).
     *
     * @param dockerfilePath the Dockerfile it was built from, or null
     * @param context        the build context folder, or null (then copied files are not compared)
     */
    public void explainCache(String previousReference, Path dockerfilePath, Path context) {
        ImageAnalysis mine = analysis.get();
        if (previousReference == null || previousReference.isBlank()) {
            explanationStatus.set("Choose the previous image: the one this build could have reused.");
            return;
        }
        if (mine == null) {
            explanationStatus.set("Wait until this image has been read.");
            return;
        }
        if (dockerfilePath != null && !Files.isRegularFile(dockerfilePath)) {
            explanationStatus.set("No Dockerfile at " + dockerfilePath);
            return;
        }
        if (context != null && !Files.isDirectory(context)) {
            explanationStatus.set("The build context must be a folder: " + context);
            return;
        }
        String previous = previousReference.strip();
        explanationStatus.set("Reading " + previous + "…");
        explanation.set(null);
        Cancellation cancellation = track(new Cancellation());
        services.executor().submit(() -> {
            ImageAnalysis before = inspector.analyze(inspector.overview(previous), cancellation, null);
            Dockerfile df = dockerfilePath == null ? null : Dockerfile.parse(Files.readString(dockerfilePath));
            return CacheExplainer.explain(before, mine.steps(), df, context);
        }, why -> {
            running.remove(cancellation);
            explanation.set(why);
            explanationStatus.set("");
        }, e -> {
            running.remove(cancellation);
            explanationStatus.set(e instanceof CancellationException ? "Stopped."
                    : "Cannot explain: " + ErrorMessages.describe(e));
        });
    }

    /** Reads a Dockerfile so advice and steps can name its lines. */
    public void useDockerfile(Path path) {
        if (path == null) {
            return;
        }
        services.executor().submit(() -> Dockerfile.parse(Files.readString(path)), df -> {
            parsedDockerfile = df;
            dockerfile.set(path);
            refreshAdvice();
        }, e -> services.notifier().error("Cannot read " + path, e));
    }

    private void refreshAdvice() {
        ImageAnalysis a = analysis.get();
        if (a == null) {
            return;
        }
        Dockerfile df = parsedDockerfile;
        services.executor().submit(() -> new Advised(DockerfileAdvisor.advise(a, df),
                df == null ? List.<Dockerfile.Instruction>of() : new ArrayList<>(DockerfileSteps.linesOf(df, a.steps()))), result -> {
                    advice.setAll(result.advice());
                    stepLines.set(result.lines());
                }, e -> services.notifier().error("Cannot give advice", e));
    }

    /** The image's name for titles: its first tag, else its short ID, else what was asked for. */
    public String imageName() {
        LayerInspector.Overview o = overview.get();
        if (o == null) {
            return reference.startsWith("sha256:") ? ImageSummary.shortId(reference) : reference;
        }
        return o.image().displayName();
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** 0..1 while reading; -1 when unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LayerInspector.Overview> overviewProperty() {
        return overview.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImageAnalysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    public ObservableList<ImageStep> steps() {
        return steps;
    }

    public ObservableList<String> warnings() {
        return warnings;
    }

    public ObjectProperty<ImageStep> selectedStepProperty() {
        return selectedStep;
    }

    public BooleanProperty wholeFilesystemProperty() {
        return wholeFilesystem;
    }

    public ReadOnlyObjectProperty<FileTreeModel> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty treeCaptionProperty() {
        return treeCaption.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImageComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FileTreeModel> comparisonTreeProperty() {
        return comparisonTree.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty comparisonStatusProperty() {
        return comparisonStatus.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CacheExplanation> explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty explanationStatusProperty() {
        return explanationStatus.getReadOnlyProperty();
    }

    public ObservableList<Advice> advice() {
        return advice;
    }

    public ReadOnlyObjectProperty<Path> dockerfileProperty() {
        return dockerfile.getReadOnlyProperty();
    }

    /** One Dockerfile line per step (null for the base image's), once a Dockerfile is in use. */
    public ReadOnlyObjectProperty<List<Dockerfile.Instruction>> stepLinesProperty() {
        return stepLines.getReadOnlyProperty();
    }

    /** Local images to compare with or explain against, by tag (or short ID when untagged). */
    public void loadImageNames(java.util.function.Consumer<List<String>> onLoaded) {
        loadImageNames(services, onLoaded);
    }

    /** Local image names, delivered on the UI thread. */
    static void loadImageNames(AppServices services, java.util.function.Consumer<List<String>> onLoaded) {
        services.executor().submit(() -> {
            List<String> names = new ArrayList<>();
            for (ImageSummary image : services.engine().images().list()) {
                if (image.repoTags().isEmpty()) {
                    names.add(image.shortId());
                } else {
                    names.addAll(image.repoTags());
                }
            }
            names.sort(null);
            return names;
        }, onLoaded, e -> services.notifier().error("Cannot list images", e));
    }

    @Override
    public void close() {
        cancel();
    }

    private record Compared(ImageComparison comparison, FileTreeModel tree) {
    }

    private record Advised(List<Advice> advice, List<Dockerfile.Instruction> lines) {
    }
}
