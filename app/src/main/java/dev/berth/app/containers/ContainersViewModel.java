package dev.berth.app.containers;

import dev.berth.app.common.AppServices;
import dev.berth.app.concurrent.UiBatcher;
import dev.berth.engine.ConnectionState;
import dev.berth.engine.ContainerSummary;
import dev.berth.engine.EngineEvent;
import dev.berth.engine.Subscription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
    private final ObservableList<ContainerRow> rows = FXCollections.observableArrayList();
    private final Map<String, ContainerRow> rowsById = new HashMap<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final UiBatcher<ContainerChange> changes;
    private final Set<String> pendingIds = new LinkedHashSet<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private boolean refreshRunning;
    private long reloadGeneration;
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
        subscriptions.add(services.engine().onEvent(this::onEngineEvent));
        subscriptions.add(services.engine().onStateChange(state -> {
            if (state.phase() == ConnectionState.Phase.CONNECTED) {
                services.executor().ui().run(this::reload);
            }
        }));
    }

    public ObservableList<ContainerRow> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Reads the whole list again. Call on the UI thread. */
    public void reload() {
        long generation = ++reloadGeneration;
        loading.set(true);
        synchronized (pendingIds) {
            reloading = true;
            changedDuringReload.clear();
        }
        services.executor().submit(() -> services.engine().containers().list(), list -> {
            if (generation == reloadGeneration) {
                replaceAll(list);
                rereadChangedDuringReload();
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
        Set<String> seen = new HashSet<>();
        List<ContainerRow> added = new ArrayList<>();
        for (ContainerSummary summary : list) {
            seen.add(summary.id());
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

    public void start(List<ContainerRow> targets) {
        forEach(targets, "start", row -> services.engine().containers().start(row.id()));
    }

    public void stop(List<ContainerRow> targets) {
        forEach(targets, "stop", row -> services.engine().containers().stop(row.id()));
    }

    public void restart(List<ContainerRow> targets) {
        forEach(targets, "restart", row -> services.engine().containers().restart(row.id()));
    }

    /** Removes the containers, stopping running ones first. Ask the user before calling. */
    public void remove(List<ContainerRow> targets) {
        forEach(targets, "remove", row -> services.engine().containers().remove(row.id(), true, false));
    }

    /** The question to ask before removing: names what goes and what happens to running ones. */
    public static RemovalQuestion removalQuestion(List<ContainerRow> targets) {
        String title = targets.size() == 1 ? "Remove container " + targets.get(0).name() + "?"
                : "Remove " + targets.size() + " containers?";
        List<String> running = targets.stream().filter(r -> r.state() != null && r.state().isRunning())
                .map(ContainerRow::name).toList();
        StringBuilder body = new StringBuilder("This removes ");
        body.append(targets.stream().map(ContainerRow::name).collect(Collectors.joining(", ")));
        body.append(" and its writable layer. Images and named volumes stay.");
        if (!running.isEmpty()) {
            body.append("\n\nStill running, will be stopped first: ").append(String.join(", ", running)).append('.');
        }
        return new RemovalQuestion(title, body.toString());
    }

    /** Title and body of the confirmation shown before a removal. */
    public record RemovalQuestion(String title, String body) {
    }

    /** Runs one action per container; a failure is reported and does not stop the others. */
    private void forEach(List<ContainerRow> targets, String verb, Consumer<ContainerRow> action) {
        for (ContainerRow row : List.copyOf(targets)) {
            services.executor().run(() -> action.accept(row),
                    error -> services.notifier().error("Could not " + verb + " " + row.name(), error));
        }
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
    }
}
