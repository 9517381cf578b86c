package dev.berth.app.containers;

import dev.berth.engine.ContainerState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;

/**
 * A compose project in the containers table: the line its containers are grouped under, showing
 * how many of them run. Its members are every container of the project, shown or filtered out,
 * so the project's own start, stop and remove act on all of them.
 */
public final class ComposeGroup implements ContainerEntry {

    private final String project;
    private final SimpleStringProperty name;
    private final ReadOnlyStringWrapper image = new ReadOnlyStringWrapper(this, "image", "");
    private final ReadOnlyObjectWrapper<ContainerState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<Instant> created = new ReadOnlyObjectWrapper<>(this, "created");
    private final List<ContainerRow> members = new ArrayList<>();
    private final InvalidationListener memberChanged = obs -> refresh();

    public ComposeGroup(String project) {
        this.project = Objects.requireNonNull(project);
        this.name = new SimpleStringProperty(this, "name", project);
    }

    public String project() {
        return project;
    }

    /** Every container of the project, in the order they were seen. */
    public List<ContainerRow> members() {
        return List.copyOf(members);
    }

    void add(ContainerRow row) {
        if (!members.contains(row)) {
            members.add(row);
            row.stateProperty().addListener(memberChanged);
            refresh();
        }
    }

    void remove(ContainerRow row) {
        if (members.remove(row)) {
            row.stateProperty().removeListener(memberChanged);
            refresh();
        }
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    private void refresh() {
        long running = members.stream().filter(r -> r.state() != null && r.state().isRunning()).count();
        long paused = members.stream().filter(r -> r.state() == ContainerState.PAUSED).count();
        state.set(running > 0 ? ContainerState.RUNNING : paused > 0 ? ContainerState.PAUSED : ContainerState.EXITED);
        status.set(running + " of " + members.size() + " running");
        image.set(members.size() == 1 ? "1 container" : members.size() + " containers");
        created.set(members.stream().map(r -> r.createdProperty().get()).filter(Objects::nonNull)
                .min(Instant::compareTo).orElse(null));
    }

    @Override
    public ReadOnlyStringProperty nameProperty() {
        return name;
    }

    @Override
    public ReadOnlyStringProperty imageProperty() {
        return image.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyObjectProperty<ContainerState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyObjectProperty<Instant> createdProperty() {
        return created.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return "project " + project + " (" + members.size() + ")";
    }
}
