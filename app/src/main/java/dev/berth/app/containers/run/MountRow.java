package dev.berth.app.containers.run;

import dev.berth.engine.ContainerRules;
import dev.berth.engine.MountSpec;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One mount in the run form, as typed: kind, source, target, read-only and a tmpfs size. */
public final class MountRow {

    private final ObjectProperty<MountSpec.Kind> kind = new SimpleObjectProperty<>(this, "kind", MountSpec.Kind.VOLUME);
    private final StringProperty source = new SimpleStringProperty(this, "source", "");
    private final StringProperty target = new SimpleStringProperty(this, "target", "");
    private final BooleanProperty readOnly = new SimpleBooleanProperty(this, "readOnly");
    private final StringProperty size = new SimpleStringProperty(this, "size", "");
    final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");

    public MountRow(MountSpec.Kind kind) {
        this.kind.set(kind);
    }

    static MountRow of(MountSpec spec) {
        MountRow row = new MountRow(spec.kind());
        row.source.set(spec.source());
        row.target.set(spec.target());
        row.readOnly.set(spec.readOnly());
        row.size.set(spec.tmpfsSizeBytes() > 0 ? Long.toString(spec.tmpfsSizeBytes()) : "");
        return row;
    }

    /** What a change to any field of the row is observed through. */
    Observable[] observables() {
        return new Observable[] {kind, source, target, readOnly, size};
    }

    /** What is wrong with the row as typed, or empty. */
    Optional<String> check() {
        Optional<String> targetProblem = ContainerRules.containerPath(target.get());
        return switch (kind.get()) {
            case VOLUME -> ContainerRules.volumeName(source.get()).or(() -> targetProblem);
            case BIND -> ContainerRules.hostPath(source.get()).or(() -> targetProblem);
            case TMPFS -> targetProblem.or(() -> ContainerRules.size(size.get()));
        };
    }

    MountSpec toSpec() {
        return new MountSpec(kind.get(), kind.get() == MountSpec.Kind.TMPFS ? "" : source.get().strip(),
                target.get().strip(), readOnly.get(), kind.get() == MountSpec.Kind.TMPFS
                ? ContainerRules.sizeBytes(size.get()) : 0);
    }

    public ObjectProperty<MountSpec.Kind> kindProperty() {
        return kind;
    }

    public StringProperty sourceProperty() {
        return source;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    public StringProperty sizeProperty() {
        return size;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
