package dev.berth.app.compose;

import dev.berth.app.common.AppServices;
import dev.berth.app.common.Reload;
import dev.berth.app.concurrent.UiBatcher;
import dev.berth.compose.ComposeDown;
import dev.berth.compose.ComposeLabels;
import dev.berth.compose.ComposeProject;
import dev.berth.compose.ComposeUp;
import dev.berth.compose.DownPlan;
import dev.berth.compose.StackSummary;
import dev.berth.compose.UpListener;
import dev.berth.engine.Cancellation;
import dev.berth.engine.ContainerSummary;
import dev.berth.engine.EngineEvent;
import dev.berth.engine.Subscription;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The stacks page: every compose project the engine has containers of, plus the files opened
 * here that are not up yet; reading a file, bringing it up and taking it down. The list follows
 * container events; one up or down runs at a time, with its progress.
 */
public final class ComposeViewModel implements AutoCloseable {

    /** Container events that change what the page shows (not exec, health or top). */
    private static final Set<String> STATE_ACTIONS = Set.of("create", "start", "restart", "die", "stop", "kill",
            "pause", "unpause", "destroy", "rename", "oom");

    private final AppServices services;
    private final ObservableList<StackRow> stacks = FXCollections.observableArrayList(row -> new Observable[] {
            row.containersProperty(), row.fileProperty(), row.composeProperty(), row.problemsProperty()});
    /** Files opened in this window, by project: they stay listed while nothing of theirs runs. */
    private final Map<String, Path> opened = new LinkedHashMap<>();
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper cancellable = new ReadOnlyBooleanWrapper(this, "cancellable");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final UiBatcher<EngineEvent> events;
    private final UiBatcher<Step> steps;
    private final Reload<List<StackSummary>> list;
    private final RecentFiles recent;
    private Cancellation running;

    public ComposeViewModel(AppServices services) {
        this.services = services;
        this.recent = new RecentFiles(services.settings());
        this.list = new Reload<>(services, () -> StackSummary.of(services.engine().containers().list()), this::apply,
                "Could not list the stacks");
        this.events = new UiBatcher<>(services.executor().ui(), batch -> reload());
        this.steps = new UiBatcher<>(services.executor().ui(), batch -> {
            Step last = batch.get(batch.size() - 1);
            if (busy.get()) {
                progress.set(last.fraction());
                progressText.set(last.message());
            }
        });
    }

    /** Starts following the engine. Call on the UI thread. */
    public void attach() {
        subscriptions.add(services.engine().onEvent(this::onEngineEvent));
        subscriptions.add(services.followConnection(connected));
        subscriptions.add(services.onConnected(this::reload));
        services.executor().submit(recent::existing, files -> files.forEach(f -> open(f, row -> { })),
                error -> services.notifier().error("Could not read the compose files opened before", error));
    }

    public ObservableList<StackRow> stacks() {
        return stacks;
    }

    public StackRow stack(String project) {
        return stacks.stream().filter(s -> s.project().equals(project)).findFirst().orElse(null);
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** True while an up or down runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True while an up runs: it stops between steps when cancelled. */
    public ReadOnlyBooleanProperty cancellableProperty() {
        return cancellable.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public void reload() {
        list.request();
    }

    /** Runs on the event stream's thread: only queue what changes a stack's list or states. */
    private void onEngineEvent(EngineEvent event) {
        if (event.isAbout("container") && STATE_ACTIONS.contains(event.baseAction())
                && event.attributes().containsKey(ComposeLabels.PROJECT)) {
            events.add(event);
        }
    }

    private void apply(List<StackSummary> found) {
        Map<String, StackSummary> byProject = new LinkedHashMap<>();
        found.forEach(s -> byProject.put(s.project(), s));
        stacks.removeIf(row -> !byProject.containsKey(row.project()) && !opened.containsKey(row.project()));
        for (StackSummary summary : found) {
            StackRow row = stack(summary.project());
            if (row == null) {
                row = new StackRow(summary.project());
                stacks.add(row);
            }
            row.containersProperty().set(summary.containers());
            if (row.fileProperty().get() == null && summary.configFile() != null) {
                row.fileProperty().set(summary.configFile());
                readInPlace(row);
            }
        }
        for (StackRow row : stacks) {
            if (!byProject.containsKey(row.project())) {
                row.containersProperty().set(List.of());
            }
        }
        stacks.sort(Comparator.comparing(StackRow::project));
    }

    /**
     * Reads a compose file in the background and lists its stack; {@code onRead} gets the row,
     * with the file's problems on it when it has any.
     */
    public void open(Path file, Consumer<StackRow> onRead) {
        services.executor().submit(() -> FileCheck.of(file), parsed -> onRead.accept(list(file, parsed)),
                error -> services.notifier().error("Could not read " + file, error));
    }

    /**
     * Lists a file's stack under the name the file now gives, moving it from the name it had (its
     * {@code name:} was fixed or changed); returns the row.
     */
    private StackRow list(Path file, FileCheck parsed) {
        String project = parsed.project();
        opened.entrySet().removeIf(e -> e.getValue().equals(file) && !e.getKey().equals(project));
        stacks.removeIf(r -> file.equals(r.fileProperty().get()) && !r.project().equals(project)
                && r.containersProperty().get().isEmpty());
        opened.put(project, file);
        recent.add(file);
        StackRow row = stack(project);
        if (row == null) {
            row = new StackRow(project);
            stacks.add(row);
            stacks.sort(Comparator.comparing(StackRow::project));
        }
        row.fileProperty().set(file);
        show(row, parsed);
        return row;
    }

    /** Stops listing a stack's file; a stack with containers stays listed, from its labels. */
    public void forget(StackRow row) {
        Path file = row.fileProperty().get();
        if (file != null) {
            recent.remove(file);
            opened.values().remove(file);
        }
        if (row.containersProperty().get().isEmpty()) {
            stacks.remove(row);
        }
    }

    /** Reads the stack's file again (it may have been edited since); {@code onRead} gets the row it is listed under. */
    public void read(StackRow row, Consumer<StackRow> onRead) {
        Path file = row.fileProperty().get();
        if (file == null) {
            return;
        }
        services.executor().submit(() -> FileCheck.of(file), parsed -> onRead.accept(list(file, parsed)),
                error -> services.notifier().error("Could not read " + file, error));
    }

    /**
     * Reads the file a running stack's labels name into its row, whatever name the file gives: the
     * stack may have been started under another ({@code docker compose -p}).
     */
    private void readInPlace(StackRow row) {
        Path file = row.fileProperty().get();
        services.executor().submit(() -> FileCheck.of(file), parsed -> show(row, parsed),
                error -> services.notifier().error("Could not read " + file, error));
    }

    private static void show(StackRow row, FileCheck parsed) {
        row.composeProperty().set(parsed.compose());
        row.problemsProperty().set(parsed.problems());
    }

    /** Checks edited, unsaved text in the background; {@code onChecked} gets the result on the UI thread. */
    public void check(Path file, String text, Consumer<FileCheck> onChecked) {
        services.executor().submit(() -> FileCheck.of(file, text), onChecked,
                error -> services.notifier().error("Could not check " + file.getFileName(), error));
    }

    /**
     * Writes the edited text to the stack's file, then reads it again; {@code onSaved} gets the row
     * the file is now listed under (another when its name changed).
     */
    public void save(StackRow row, String text, Consumer<StackRow> onSaved) {
        Path file = row.fileProperty().get();
        services.executor().submit(() -> {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return FileCheck.of(file);
        }, parsed -> onSaved.accept(row.containersProperty().get().isEmpty() ? list(file, parsed) : showIn(row, parsed)),
                error -> services.notifier().error("Could not save " + file, error));
    }

    private static StackRow showIn(StackRow row, FileCheck parsed) {
        show(row, parsed);
        return row;
    }

    /**
     * Reads the file again and brings the stack up. A file with errors is not used: its problems
     * are shown instead. {@code onDone} runs on success.
     */
    public void up(StackRow row, Runnable onDone) {
        Path file = row.fileProperty().get();
        if (file == null || busy.get()) {
            return;
        }
        Cancellation cancellation = begin("Reading " + file.getFileName(), true);
        // Read on the UI thread, where the row changes: the profiles chosen and whether the stack runs.
        Set<String> chosen = row.profilesProperty().get();
        boolean runs = !row.containersProperty().get().isEmpty();
        services.executor().submit(() -> {
            FileCheck parsed = FileCheck.of(file);
            services.executor().ui().run(() -> show(row, parsed));
            if (parsed.compose() == null) {
                return false;
            }
            ComposeProject withProfiles = chosen == null ? parsed.compose() : parsed.compose().withProfiles(chosen);
            // A stack that runs keeps its name, as one started with "docker compose -p" does.
            ComposeProject compose = runs ? withProfiles.withName(row.project()) : withProfiles;
            new ComposeUp(services.engine()).up(compose, listener(), cancellation);
            return true;
        }, started -> {
            end();
            reload();
            if (started) {
                services.notifier().info("Stack " + row.project() + " is up");
                onDone.run();
            }
        }, error -> {
            end();
            reload();
            if (error instanceof CancellationException) {
                services.notifier().info("Bringing " + row.project() + " up was cancelled; what was made stays");
            } else {
                services.notifier().error("Could not bring " + row.project() + " up", error);
            }
        });
    }

    /** Works out what taking the stack down removes, volumes included, for the confirmation. */
    public void planDown(StackRow row, Consumer<DownPlan> onPlan) {
        if (busy.get()) {
            return;
        }
        begin("Working out what " + row.project() + " has", false);
        services.executor().submit(() -> new ComposeDown(services.engine()).plan(row.project(), true), plan -> {
            end();
            onPlan.accept(plan);
        }, error -> {
            end();
            services.notifier().error("Could not work out what to remove", error);
        });
    }

    /** Removes what the plan lists (the user confirmed it). */
    public void down(DownPlan plan, Runnable onDone) {
        if (busy.get()) {
            return;
        }
        begin("Taking " + plan.project() + " down", false);
        services.executor().submit(() -> {
            new ComposeDown(services.engine()).down(plan, listener());
            return plan;
        }, done -> {
            end();
            reload();
            services.notifier().info("Stack " + plan.project() + " is down");
            onDone.run();
        }, error -> {
            end();
            reload();
            services.notifier().error("Could not take " + plan.project() + " down", error);
        });
    }

    /** What the services table does to one service's container. */
    public enum ServiceAction {
        START, STOP, RESTART,
        /** Only for a container whose service left the file (the user confirmed). */
        REMOVE
    }

    /** Starts, stops or restarts one service's container; the list follows from the events. */
    public void act(ServiceRow service, ServiceAction action) {
        String id = service.id();
        services.executor().run(() -> {
            switch (action) {
                case START -> services.engine().containers().start(id);
                case STOP -> services.engine().containers().stop(id);
                case RESTART -> services.engine().containers().restart(id);
                case REMOVE -> services.engine().containers().remove(id, true, false);
            }
        }, error -> services.notifier().error("Could not " + action.name().toLowerCase(java.util.Locale.ROOT)
                + " " + service.service(), error));
    }

    /** Restarts every container of the stack. */
    public void restart(StackRow row) {
        List<String> ids = row.containersProperty().get().stream().map(ContainerSummary::id).toList();
        services.executor().run(() -> ids.forEach(id -> services.engine().containers().restart(id)),
                error -> services.notifier().error("Could not restart " + row.project(), error));
    }

    /** Stops the running up between steps. */
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    private Cancellation begin(String text, boolean canCancel) {
        busy.set(true);
        cancellable.set(canCancel);
        progress.set(-1); // a progress bar's "working, amount unknown"
        progressText.set(text);
        running = new Cancellation();
        return running;
    }

    private void end() {
        busy.set(false);
        cancellable.set(false);
        running = null;
        progress.set(0);
        progressText.set("");
    }

    private record Step(String message, double fraction) {
    }

    /** Runs on the worker: hands the steps to the UI in batches. */
    private UpListener listener() {
        return (message, done, total) -> steps.add(new Step(message, total == 0 ? 1 : (double) done / total));
    }

    @Override
    public void close() {
        cancel();
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
    }
}
