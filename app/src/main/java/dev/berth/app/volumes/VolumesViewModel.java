package dev.berth.app.volumes;

import dev.berth.app.common.AppServices;
import dev.berth.app.common.KeyedRows;
import dev.berth.app.common.Reload;
import dev.berth.app.concurrent.UiBatcher;
import dev.berth.engine.EngineEvent;
import dev.berth.engine.Subscription;
import dev.berth.engine.VolumeApi;
import dev.berth.engine.VolumeSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The volumes list, kept current from the engine's events: volumes created and destroyed, and
 * containers created and destroyed (which changes who mounts what). Sizes come from the engine's
 * disk usage report, which walks every volume; it is asked for when the view opens and when
 * volumes come or go, not on every container event.
 */
public final class VolumesViewModel implements AutoCloseable {

    private static final Set<String> VOLUME_ACTIONS = Set.of("create", "destroy");
    private static final Set<String> CONTAINER_ACTIONS = Set.of("create", "destroy");

    private final AppServices services;
    private final KeyedRows<VolumeSummary, VolumeRow> rows = new KeyedRows<>(VolumeSummary::name, this::newRow,
            VolumeRow::update, row -> new Observable[] {row.summaryProperty(), row.usedByProperty(), row.sizeProperty()});
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final BooleanProperty unusedOnly = new SimpleBooleanProperty(this, "unusedOnly");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final UiBatcher<EngineEvent> events;
    private final Reload<List<VolumeSummary>> list;
    private final Reload<Map<String, Long>> measure;
    private Map<String, Long> sizes = Map.of();

    public VolumesViewModel(AppServices services) {
        this.services = services;
        this.list = new Reload<>(services, () -> services.engine().volumes().list(), rows::apply,
                "Could not list volumes");
        this.measure = new Reload<>(services, () -> services.engine().volumes().sizes(), found -> {
            sizes = found;
            rows.rows().forEach(this::applySize);
        }, "Could not work out volume sizes");
        this.events = new UiBatcher<>(services.executor().ui(), this::onEvents);
        filter.addListener((obs, old, now) -> applyFilter());
        unusedOnly.addListener((obs, old, now) -> applyFilter());
    }

    /** Starts following the engine: a full read on every (re)connect, then events. Call on the UI thread. */
    public void attach() {
        subscriptions.add(services.engine().onEvent(this::onEngineEvent));
        subscriptions.add(services.followConnection(connected));
        subscriptions.add(services.onConnected(() -> {
            reload();
            measure();
        }));
    }

    public ObservableList<VolumeRow> rows() {
        return rows.rows();
    }

    /** The rows the filter text and the unused-only switch let through. */
    public FilteredList<VolumeRow> visibleRows() {
        return rows.visible();
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public BooleanProperty unusedOnlyProperty() {
        return unusedOnly;
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** True while sizes are being worked out. */
    public ReadOnlyBooleanProperty measuringProperty() {
        return measure.runningProperty();
    }

    public VolumeRow row(String name) {
        return rows.get(name);
    }

    /** Reads the list again. Call on the UI thread. */
    public void reload() {
        list.request();
    }

    /** Works out every volume's size in the background. Call on the UI thread. */
    public void measure() {
        measure.request();
    }

    private void applySize(VolumeRow row) {
        row.sizeProperty().set(sizes.getOrDefault(row.name(), VolumeRow.UNKNOWN));
    }

    private VolumeRow newRow(VolumeSummary volume) {
        VolumeRow row = new VolumeRow(volume);
        applySize(row);
        return row;
    }

    private String filterText() {
        return filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
    }

    private void applyFilter() {
        String text = filterText();
        boolean unused = unusedOnly.get();
        if (!unused && text.isEmpty()) {
            rows.filter(null);
            return;
        }
        rows.filter(row -> (!unused || !row.isInUse()) && (text.isEmpty()
                || row.name().toLowerCase(Locale.ROOT).contains(text)
                || row.driver().toLowerCase(Locale.ROOT).contains(text)
                || row.usedBy().stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).contains(text))
                || row.labels().entrySet().stream().anyMatch(e -> (e.getKey() + "=" + e.getValue())
                        .toLowerCase(Locale.ROOT).contains(text))));
    }

    /** Runs on the event stream's thread: only queue. */
    private void onEngineEvent(EngineEvent event) {
        if ((event.isAbout("volume") && VOLUME_ACTIONS.contains(event.baseAction()))
                || (event.isAbout("container") && CONTAINER_ACTIONS.contains(event.baseAction()))) {
            events.add(event);
        }
    }

    private void onEvents(List<EngineEvent> batch) {
        reload();
        if (batch.stream().anyMatch(e -> e.isAbout("volume"))) {
            measure();
        }
    }

    /** Creates a volume (the form checked its fields); {@code onCreated} gets its name. */
    public void create(VolumeForm form, Consumer<String> onCreated) {
        services.executor().submit(() -> services.engine().volumes().create(form.name(), form.driver(), form.labels(),
                form.options()), name -> {
            reload();
            onCreated.accept(name);
        }, error -> services.notifier().error("Could not create the volume", error));
    }

    /** Removes volumes one by one; failures are reported together. */
    public void remove(List<String> names, Runnable onDone) {
        services.executor().submit(() -> {
            List<String> failures = new ArrayList<>();
            for (String name : names) {
                try {
                    services.engine().volumes().remove(name);
                } catch (RuntimeException e) {
                    failures.add(name + ": " + dev.berth.engine.ErrorMessages.describe(e));
                }
            }
            return failures;
        }, failures -> {
            if (!failures.isEmpty()) {
                services.notifier().show("Could not remove every volume", String.join("\n", failures), true);
            }
            reload();
            onDone.run();
        }, error -> services.notifier().error("Could not remove volumes", error));
    }

    /** Works out in the background which volumes a prune would remove. */
    public void prunePreview(Consumer<List<VolumeSummary>> onPlan) {
        services.executor().submit(() -> services.engine().volumes().unused(Map.of()), onPlan,
                error -> services.notifier().error("Could not work out what to prune", error));
    }

    /** Removes every volume no container mounts; {@code onDone} gets what the engine says it did. */
    public void prune(Consumer<VolumeApi.Pruned> onDone) {
        services.executor().submit(() -> services.engine().volumes().prune(Map.of()), pruned -> {
            reload();
            measure();
            onDone.accept(pruned);
        }, error -> services.notifier().error("Could not prune volumes", error));
    }

    /** The engine's inspect document for one volume, as JSON text, on the UI thread. */
    public void inspect(String name, Consumer<String> onJson) {
        services.executor().submit(() -> services.engine().volumes().inspect(name), onJson,
                error -> services.notifier().error("Could not inspect " + name, error));
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
    }
}
