package dev.berth.app.containers.details;

import dev.berth.app.common.AppServices;
import dev.berth.engine.ContainerDetails;
import dev.berth.engine.EngineEvent;
import dev.berth.engine.ErrorMessages;
import dev.berth.engine.FileChange;
import dev.berth.engine.Subscription;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One container's details: its inspection, re-read when the engine reports a change to it, and
 * its file changes, read when asked. Closing it stops following the engine.
 */
public final class DetailsViewModel implements AutoCloseable {

    private static final Set<String> QUIET = Set.of("exec_create", "exec_start", "exec_die", "exec_detach", "top",
            "resize", "attach", "detach", "archive-path", "extract-to-dir", "export", "copy");

    private final AppServices services;
    private final String id;
    private final ReadOnlyObjectWrapper<ContainerDetails> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ReadOnlyObjectWrapper<List<FileChange>> changes = new ReadOnlyObjectWrapper<>(this, "changes");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final AtomicBoolean inspecting = new AtomicBoolean();
    private final AtomicBoolean inspectAgain = new AtomicBoolean();
    private Subscription events;
    private volatile boolean closed;

    public DetailsViewModel(AppServices services, String id) {
        this.services = services;
        this.id = id;
    }

    /** Loads the container and follows its events. */
    public void attach() {
        events = services.engine().onEvent(this::onEvent);
        inspect();
    }

    public String id() {
        return id;
    }

    public ReadOnlyObjectProperty<ContainerDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** The container's file changes, or null until {@link #loadChanges()} has answered. */
    public ReadOnlyObjectProperty<List<FileChange>> changesProperty() {
        return changes.getReadOnlyProperty();
    }

    /** Why the details cannot be shown (the container was removed), or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Reads the file changes ({@code docker diff}) again. */
    public void loadChanges() {
        services.executor().submit(() -> services.engine().containers().diff(id), list -> {
            if (!closed) {
                changes.set(list);
            }
        }, error -> {
            if (!closed) {
                problem.set(ErrorMessages.describe(error));
            }
        });
    }

    /** Runs on the event thread: re-reads at most once at a time, once more if events came meanwhile. */
    private void onEvent(EngineEvent event) {
        if (!closed && event.isAbout("container") && id.equals(event.id()) && !QUIET.contains(event.baseAction())) {
            inspect();
        }
    }

    private void inspect() {
        if (!inspecting.compareAndSet(false, true)) {
            inspectAgain.set(true);
            return;
        }
        services.executor().submit(() -> services.engine().containers().inspect(id), loaded -> {
            if (!closed) {
                problem.set(null);
                details.set(loaded);
            }
            done();
        }, error -> {
            if (!closed) {
                problem.set(ErrorMessages.describe(error));
            }
            done();
        });
    }

    private void done() {
        inspecting.set(false);
        if (inspectAgain.getAndSet(false)) {
            inspect();
        }
    }

    @Override
    public void close() {
        closed = true;
        if (events != null) {
            events.close();
        }
    }
}
