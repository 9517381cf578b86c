package dev.berth.app.layers;

import dev.berth.app.common.AppServices;
import dev.berth.app.common.Formats;
import dev.berth.app.concurrent.UiBatcher;
import dev.berth.engine.ErrorMessages;
import dev.berth.engine.ImageSummary;
import dev.berth.layers.ImageAnalysis;
import dev.berth.layers.ImageStep;
import dev.berth.layers.LayerInspector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The layer inspector of one image: reads its history at once, then its archive in the
 * background (cancellable, with progress). What each tab asks of the read image (a layer's
 * files, a comparison, a cache explanation, advice) is answered off the FX thread by the
 * sub-models it holds.
 */
public final class LayerInspectorViewModel implements AutoCloseable {

    /** Where the inspection stands. */
    public enum Phase { LOADING, READING, READY, FAILED }

    private final AppServices services;
    private final String reference;
    private final LayerInspector inspector;
    private final ArchiveReads reads;

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.LOADING);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Reading the image's history…");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyObjectWrapper<LayerInspector.Overview> overview = new ReadOnlyObjectWrapper<>(this, "overview");
    private final ReadOnlyObjectWrapper<ImageAnalysis> analysis = new ReadOnlyObjectWrapper<>(this, "analysis");
    private final ObservableList<ImageStep> steps = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();

    private final LayerFilesModel files;
    private final ComparisonModel comparison;
    private final CacheExplanationModel cacheExplanation;
    private final AdviceModel advice;

    public LayerInspectorViewModel(AppServices services, String reference) {
        this.services = services;
        this.reference = reference;
        this.inspector = new LayerInspector(services.engine().layers());
        this.reads = new ArchiveReads(services.executor());
        ReadOnlyObjectProperty<ImageAnalysis> read = analysis.getReadOnlyProperty();
        this.files = new LayerFilesModel(services, read);
        this.comparison = new ComparisonModel(inspector, reads, read);
        this.cacheExplanation = new CacheExplanationModel(inspector, reads, read);
        this.advice = new AdviceModel(services, read);
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
        reads.submit(cancellation -> inspector.analyze(o, cancellation, bytes::add), this::analysisArrived,
                e -> fail(e, "Cannot read the image's files"));
    }

    private void analysisArrived(ImageAnalysis a) {
        analysis.set(a);
        steps.setAll(a.steps());
        warnings.setAll(a.warnings());
        phase.set(Phase.READY);
        progress.set(1);
        status.set(a.complete() ? "" : "Some layers could not be read whole; what could be read is shown.");
        files.imageRead(a);
        advice.refresh();
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
        reads.cancelAll();
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

    /** The Layers tab's file tree. */
    LayerFilesModel files() {
        return files;
    }

    ComparisonModel comparison() {
        return comparison;
    }

    CacheExplanationModel cacheExplanation() {
        return cacheExplanation;
    }

    AdviceModel advice() {
        return advice;
    }

    /** Local images to compare with or explain against, by tag (or short ID when untagged), on the UI thread. */
    void loadImageNames(Consumer<List<String>> onLoaded) {
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
}
