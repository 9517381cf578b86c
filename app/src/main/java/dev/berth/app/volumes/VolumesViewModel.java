package dev.berth.app.volumes;

import dev.berth.app.common.AppServices;
import dev.berth.app.concurrent.UiBatcher;
import dev.berth.engine.ConnectionState;
import dev.berth.engine.EngineEvent;
import dev.berth.engine.Subscription;
import dev.berth.engine.VolumeSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
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
    private final ObservableList<VolumeRow> rows = FXCollections.observableArrayList();
    private final FilteredList<VolumeRow> visible = new FilteredList<>(rows);
    private final Map<String, VolumeRow> byName = new HashMap<>();
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final BooleanProperty unusedOnly = new SimpleBooleanProperty(this, "unusedOnly");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyBooleanWrapper measuring = new ReadOnlyBooleanWrapper(this, "measuring");
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final UiBatcher<EngineEvent> events;
    private Map<String, Long> sizes = Map.of();
    private boolean reloadRunning;
    private boolean reloadAgain;
    private boolean sizesAgain;

    public VolumesViewModel(AppServices services) {
        this.services = services;
        this.events = new UiBatcher<>(services.executor().ui(), this::onEvents);
        filter.addListener((obs, old, now) -> applyFilter());
        unusedOnly.addListener((obs, old, now) -> applyFilter());
    }

    /** Starts following the engine: a full read on every (re)connect, then events. Call on the UI thread. */
    public void attach() {
        subscriptions.add(services.engine().onEvent(this::onEngineEvent));
        subscriptions.add(services.followConnection(connected));
        subscriptions.add(services.engine().onStateChange(state -> {
            if (state.phase() == ConnectionState.Phase.CONNECTED) {
                services.executor().ui().run(() -> {
                    reload();
                    measure();
                });
            }
        }));
    }

    public ObservableList<VolumeRow> rows() {
        return rows;
    }

    /** The rows the filter text and the unused-only switch let through. */
    public FilteredList<VolumeRow> visibleRows() {
        return visible;
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
        return measuring.getReadOnlyProperty();
    }

    public VolumeRow row(String name) {
        return byName.get(name);
    }

    /** Reads the list again; one asked for while another runs follows it. Call on the UI thread. */
    public void reload() {
        if (reloadRunning) {
            reloadAgain = true;
            return;
        }
        reloadRunning = true;
        services.executor().submit(() -> services.engine().volumes().list(), list -> {
            apply(list);
            reloadDone();
        }, error -> {
            reloadDone();
            if (services.engine().state().isConnected()) {
                services.notifier().error("Could not list volumes", error);
            }
        });
    }

    private void reloadDone() {
        reloadRunning = false;
        if (reloadAgain) {
            reloadAgain = false;
            reload();
        }
    }

    /** Works out every volume's size in the background. Call on the UI thread. */
    public void measure() {
        if (measuring.get()) {
            sizesAgain = true;
            return;
        }
        measuring.set(true);
        services.executor().submit(() -> services.engine().volumes().sizes(), found -> {
            sizes = found;
            rows.forEach(this::applySize);
            measureDone();
        }, error -> {
            measureDone();
            if (services.engine().state().isConnected()) {
                services.notifier().error("Could not work out volume sizes", error);
            }
        });
    }

    private void measureDone() {
        measuring.set(false);
        if (sizesAgain) {
            sizesAgain = false;
            measure();
        }
    }

    private void applySize(VolumeRow row) {
        row.sizeProperty().set(sizes.getOrDefault(row.name(), VolumeRow.UNKNOWN));
    }

    private void apply(List<VolumeSummary> list) {
        Map<String, VolumeSummary> now = new HashMap<>();
        list.forEach(v -> now.put(v.name(), v));
        rows.removeIf(row -> !now.containsKey(row.name()));
        byName.keySet().retainAll(now.keySet());
        List<VolumeRow> added = new ArrayList<>();
        for (VolumeSummary v : list) {
            VolumeRow row = byName.get(v.name());
            if (row == null) {
                row = new VolumeRow(v);
                applySize(row);
                byName.put(v.name(), row);
                added.add(row);
            } else {
                row.update(v);
            }
        }
        rows.addAll(added);
        // A new predicate refilters everything and clears the selection: only when filtering.
        if (unusedOnly.get() || !filterText().isEmpty()) {
            applyFilter();
        }
    }

    private String filterText() {
        return filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
    }

    private void applyFilter() {
        String text = filterText();
        boolean unused = unusedOnly.get();
        visible.setPredicate(row -> (!unused || !row.isInUse()) && (text.isEmpty()
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

    /** Removes every volume no container mounts; {@code onDone} gets the bytes freed. */
    public void prune(Consumer<Long> onDone) {
        services.executor().submit(() -> services.engine().volumes().prune(Map.of()), bytes -> {
            reload();
            onDone.accept(bytes);
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
