package dev.berth.app.compose;

import dev.berth.compose.ComposeProblem;
import dev.berth.compose.ComposeProject;
import dev.berth.engine.ContainerState;
import dev.berth.engine.ContainerSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One stack in the list: its containers on the engine (none before its first up), and the
 * compose file read for it, or the problems that kept the file from being read.
 */
public final class StackRow {

    private final String project;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final ObjectProperty<List<ContainerSummary>> containers = new SimpleObjectProperty<>(this, "containers",
            List.of());
    private final ObjectProperty<ComposeProject> compose = new SimpleObjectProperty<>(this, "compose");
    private final ObjectProperty<List<ComposeProblem>> problems = new SimpleObjectProperty<>(this, "problems",
            List.of());
    private final ObjectProperty<Set<String>> profiles = new SimpleObjectProperty<>(this, "profiles");

    StackRow(String project) {
        this.project = project;
    }

    public String project() {
        return project;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public ObjectProperty<List<ContainerSummary>> containersProperty() {
        return containers;
    }

    /** The parsed file, or null when it was not read or has problems. */
    public ObjectProperty<ComposeProject> composeProperty() {
        return compose;
    }

    /** Problems of the last read of the file, errors first, then warnings. */
    public ObjectProperty<List<ComposeProblem>> problemsProperty() {
        return problems;
    }

    /** The profiles chosen on the page, or null to use the file's environment ({@code COMPOSE_PROFILES}). */
    public ObjectProperty<Set<String>> profilesProperty() {
        return profiles;
    }

    /** The parsed file with the profiles chosen here active; null when it was not read. */
    public ComposeProject effectiveCompose() {
        ComposeProject file = compose.get();
        return file == null || profiles.get() == null ? file : file.withProfiles(profiles.get());
    }

    public long running() {
        return containers.get().stream().filter(c -> c.state() == ContainerState.RUNNING).count();
    }

    /** "2 of 3 running", "not up". */
    public String summary() {
        int all = containers.get().size();
        return all == 0 ? "not up" : running() + " of " + all + " running";
    }
}
