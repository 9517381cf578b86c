package dev.berth.app.containers;

import dev.berth.app.common.AppServices;
import dev.berth.app.common.Formats;
import dev.berth.app.concurrent.UiBatcher;
import dev.berth.app.stats.CpuTrend;
import dev.berth.app.stats.LiveRowStats;
import dev.berth.engine.ConnectionState;
import dev.berth.engine.ContainerSpec;
import dev.berth.engine.ContainerSummary;
import dev.berth.engine.EngineEvent;
import dev.berth.engine.ErrorMessages;
import dev.berth.engine.ImageReference;
import dev.berth.engine.Subscription;
import dev.berth.stats.StatsSample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The containers list and its commands. Loads everything once per connection, then follows the
 * engine's event stream: each changed container is re-read on its own (coalesced) and its row
 * updated in place.
 */
public final class ContainersViewModel implements AutoCloseable {

    /** Container events that change nothing the list shows. */
    private static final Set<String> QUIET_ACTIONS = Set.of("exec_create", "exec_start", "exec_detach",
            "exec_die", "attach", "detach", "resize", "top", "archive-path", "extract-to-dir", "export", "commit",
            "copy");

    private final AppServices services;
    /** Reports a row's state change as an update, so counts of running containers follow. */
    private final ObservableList<ContainerRow> rows = FXCollections.observableArrayList(
            row -> new Observable[] {row.stateProperty()});
    private final Map<String, ContainerRow> rowsById = new HashMap<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyObjectWrapper<BulkReport> lastReport = new ReadOnlyObjectWrapper<>(this, "lastReport");
    private final UiBatcher<ContainerChange> changes;
    private final Set<String> pendingIds = new LinkedHashSet<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final Map<ContainerRow, CpuTrend> cpuTrends = new IdentityHashMap<>();
    private boolean refreshRunning;
    private final AtomicLong reloadGeneration = new AtomicLong();
    /** Containers with events while a full list was in flight: that list may predate them. */
    private final Set<String> changedDuringReload = new HashSet<>();
    private boolean reloading;

    /** A container seen again (summary present) or gone (summary absent). */
    private record ContainerChange(String id, Optional<ContainerSummary> summary) {
    }

    public ContainersViewModel(AppServices services) {
        this.services = services;
        this.changes = new UiBatcher<>(services.executor().ui(), this::applyChanges);
    }

    /** Starts following the engine: a full load on every (re)connect, then events. */
    public void attach() {
        subscriptions.add(new LiveRowStats<>(services, rows, ContainerRow::id, ContainerRow::stateProperty,
                this::showStats)::close);
        subscriptions.add(services.engine().onEvent(this::onEngineEvent));
        subscriptions.add(services.followConnection(connected));
        subscriptions.add(services.engine().onStateChange(state -> {
            if (state.phase() == ConnectionState.Phase.CONNECTED) {
                // Asked for right here, not after the UI thread is free: at start the window is
                // still being built and shown, and the list can be on its way meanwhile.
                startReload();
            }
        }));
    }

    /**
     * CPU and memory of a running container from its shared stats stream (null: not known). A
     * cell is only changed when what it shows changes, and the sparkline every few seconds: a
     * redraw of the table costs more than the numbers. True when a cell on screen changed.
     */
    private boolean showStats(ContainerRow row, StatsSample sample) {
        if (sample == null) {
            cpuTrends.remove(row);
            row.cpuHistoryProperty().set(new double[0]);
            row.cpuPercentProperty().set(Double.NaN);
            row.memoryBytesProperty().set(-1);
            return row.isShown();
        }
        boolean changed = false;
        CpuTrend trend = cpuTrends.computeIfAbsent(row, r -> new CpuTrend());
        if (trend.add(sample.cpuPercent()) || row.cpuHistoryProperty().get().length == 0) {
            row.cpuHistoryProperty().set(trend.values());
            changed = true;
        }
        double cpu = row.cpuPercentProperty().get();
        if (Double.isNaN(cpu) || Math.round(cpu * 10) != Math.round(sample.cpuPercent() * 10)) {
            row.cpuPercentProperty().set(sample.cpuPercent());
            changed = true;
        }
        long memory = row.memoryBytesProperty().get();
        if (memory < 0 || !Formats.bytes(memory).equals(Formats.bytes(sample.memoryUsed()))) {
            row.memoryBytesProperty().set(sample.memoryUsed());
            changed = true;
        }
        return changed && row.isShown();
    }

    public ObservableList<ContainerRow> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Reads the whole list again. Call on the UI thread. */
    public void reload() {
        startReload();
    }

    /** Asks for the whole list; any thread. Only the newest answer is applied, on the UI thread. */
    private void startReload() {
        long generation = reloadGeneration.incrementAndGet();
        services.executor().ui().run(() -> loading.set(true));
        synchronized (pendingIds) {
            reloading = true;
            changedDuringReload.clear();
        }
        services.executor().submit(() -> services.engine().containers().list(), list -> {
            if (generation == reloadGeneration.get()) {
                replaceAll(list);
                rereadChangedDuringReload();
                loaded.set(true);
            }
            loading.set(false);
        }, error -> {
            synchronized (pendingIds) {
                reloading = false;
            }
            loading.set(false);
            if (services.engine().state().isConnected()) {
                services.notifier().error("Could not list containers", error);
            }
        });
    }

    private void replaceAll(List<ContainerSummary> list) {
        // Containers with events since the list was asked for are read again right after; until
        // then their rows keep what the events said instead of the list's older word.
        Set<String> fresher;
        synchronized (pendingIds) {
            fresher = Set.copyOf(changedDuringReload);
        }
        Set<String> seen = new HashSet<>(fresher);
        List<ContainerRow> added = new ArrayList<>();
        for (ContainerSummary summary : list) {
            seen.add(summary.id());
            if (fresher.contains(summary.id())) {
                continue;
            }
            ContainerRow row = rowsById.get(summary.id());
            if (row == null) {
                row = new ContainerRow(summary);
                rowsById.put(summary.id(), row);
                added.add(row);
            } else {
                row.update(summary);
            }
        }
        rowsById.keySet().removeIf(id -> !seen.contains(id));
        rows.removeIf(row -> !seen.contains(row.id()));
        rows.addAll(added);
    }

    /**
     * The full list may have been read before some events it overwrote: read those containers
     * again so the newer state wins.
     */
    private void rereadChangedDuringReload() {
        List<String> again;
        synchronized (pendingIds) {
            reloading = false;
            again = List.copyOf(changedDuringReload);
            changedDuringReload.clear();
        }
        again.forEach(this::queueRefresh);
    }

    /** Runs on the event stream's thread: only queue work here. */
    private void onEngineEvent(EngineEvent event) {
        if (!event.isAbout("container") || event.id() == null || QUIET_ACTIONS.contains(event.baseAction())) {
            return;
        }
        queueRefresh(event.id());
    }

    private void queueRefresh(String id) {
        boolean startRefresh;
        synchronized (pendingIds) {
            pendingIds.add(id);
            if (reloading) {
                changedDuringReload.add(id);
            }
            startRefresh = !refreshRunning;
            refreshRunning = true;
        }
        if (startRefresh) {
            services.executor().run(this::refreshPending, error -> { });
        }
    }

    /** Re-reads every container with a pending event in one engine call, until none are pending. */
    private void refreshPending() {
        while (true) {
            List<String> ids;
            synchronized (pendingIds) {
                if (pendingIds.isEmpty()) {
                    refreshRunning = false;
                    return;
                }
                ids = List.copyOf(pendingIds);
                pendingIds.clear();
            }
            try {
                Map<String, ContainerSummary> found = new HashMap<>();
                for (ContainerSummary s : services.engine().containers().listByIds(ids)) {
                    found.put(s.id(), s);
                }
                for (String id : ids) {
                    changes.add(new ContainerChange(id, Optional.ofNullable(found.get(id))));
                }
            } catch (RuntimeException e) {
                // The connection state listener reloads everything once the engine is back.
            }
        }
    }

    private void applyChanges(List<ContainerChange> batch) {
        List<ContainerRow> added = new ArrayList<>();
        Set<String> removed = new HashSet<>();
        for (ContainerChange change : batch) {
            ContainerRow row = rowsById.get(change.id());
            if (change.summary().isPresent()) {
                if (row == null) {
                    row = new ContainerRow(change.summary().get());
                    rowsById.put(change.id(), row);
                    added.add(row);
                    removed.remove(change.id());
                } else {
                    row.update(change.summary().get());
                }
            } else if (row != null) {
                rowsById.remove(change.id());
                added.remove(row);
                removed.add(change.id());
            }
        }
        if (!removed.isEmpty()) {
            rows.removeIf(row -> removed.contains(row.id()));
        }
        rows.addAll(added);
    }

    /** The last bulk action's outcome per container; set once every container has answered. */
    public ReadOnlyObjectProperty<BulkReport> lastReportProperty() {
        return lastReport.getReadOnlyProperty();
    }

    /** True while the engine is connected (new containers can be run). */
    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** True once the first full list has arrived. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public void start(List<ContainerRow> targets) {
        perform(BulkAction.START, targets, false);
    }

    public void stop(List<ContainerRow> targets) {
        perform(BulkAction.STOP, targets, false);
    }

    public void restart(List<ContainerRow> targets) {
        perform(BulkAction.RESTART, targets, false);
    }

    /** Removes the containers, stopping running ones first. Ask the user before calling. */
    public void remove(List<ContainerRow> targets, boolean removeVolumes) {
        perform(BulkAction.REMOVE, targets, removeVolumes);
    }

    /**
     * Does the action to each container independently, in parallel; one failure stops none of the
     * others. When all have answered, {@link #lastReportProperty()} holds the outcome of each. A
     * single container's failure is also told through the notifier.
     */
    public void perform(BulkAction action, List<ContainerRow> targets, boolean removeVolumes) {
        List<ContainerRow> chosen = List.copyOf(new LinkedHashSet<>(targets));
        if (chosen.isEmpty()) {
            return;
        }
        BulkReport.Outcome[] outcomes = new BulkReport.Outcome[chosen.size()];
        int[] pending = {chosen.size()};
        for (int i = 0; i < chosen.size(); i++) {
            ContainerRow row = chosen.get(i);
            int index = i;
            services.executor().submit(() -> {
                action.apply(services.engine().containers(), row.id(), removeVolumes);
                return null;
            }, ok -> {
                outcomes[index] = new BulkReport.Outcome(row.id(), row.name(), null);
                finish(action, outcomes, pending);
            }, error -> {
                outcomes[index] = new BulkReport.Outcome(row.id(), row.name(), ErrorMessages.describe(error));
                if (chosen.size() == 1) {
                    services.notifier().error("Could not " + action.verb() + " " + row.name(), error);
                }
                finish(action, outcomes, pending);
            });
        }
    }

    private void finish(BulkAction action, BulkReport.Outcome[] outcomes, int[] pending) {
        if (--pending[0] == 0) {
            lastReport.set(new BulkReport(action, List.of(outcomes)));
        }
    }

    /** Renames a container; the row follows through the engine's rename event. */
    public void rename(ContainerRow row, String newName, Consumer<Throwable> onFailure) {
        services.executor().run(() -> services.engine().containers().rename(row.id(), newName), onFailure);
    }

    /**
     * Saves the container as an image.
     *
     * @param reference {@code repository[:tag]}
     */
    public void commit(ContainerRow row, String reference, String message, String author,
                       Consumer<String> onDone, Consumer<Throwable> onFailure) {
        ImageReference ref = ImageReference.parse(reference);
        services.executor().submit(() -> services.engine().containers().commit(row.id(),
                ref.repository(), ref.tag() == null ? "" : ref.tag(), message, author), onDone, onFailure);
    }

    /** Reads the settings a container was created with, to run another like it. */
    public void settingsOf(ContainerRow row, Consumer<ContainerSpec> onDone) {
        services.executor().submit(() -> services.engine().containers().specOf(row.id()), onDone,
                error -> services.notifier().error("Could not read the settings of " + row.name(), error));
    }

    /** The question to ask before removing: names what goes and what happens to running ones. */
    public static RemovalQuestion removalQuestion(List<ContainerRow> targets) {
        String title = targets.size() == 1 ? "Remove container " + targets.get(0).name() + "?"
                : "Remove " + targets.size() + " containers?";
        List<String> running = targets.stream().filter(r -> r.state() != null && r.state().isRunning())
                .map(ContainerRow::name).toList();
        StringBuilder body = new StringBuilder("This removes ");
        body.append(targets.stream().map(ContainerRow::name).collect(Collectors.joining(", ")));
        body.append(targets.size() == 1 ? " and its writable layer." : " and their writable layers.");
        body.append(" Images and named volumes stay.");
        if (!running.isEmpty()) {
            body.append("\n\nStill running, will be stopped first: ").append(String.join(", ", running)).append('.');
        }
        return new RemovalQuestion(title, body.toString());
    }

    /** Title and body of the confirmation shown before a removal. */
    public record RemovalQuestion(String title, String body) {
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
    }
}
