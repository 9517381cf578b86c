package dev.berth.app.volumes;

import dev.berth.engine.VolumeSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One volume in the table; updated in place when the engine's list is read again. */
public final class VolumeRow {

    /** The size is not known (yet, or the engine cannot tell). */
    public static final long UNKNOWN = -1;

    private final String name;
    private final ObjectProperty<VolumeSummary> summary = new SimpleObjectProperty<>(this, "summary");
    private final ObjectProperty<List<String>> usedBy = new SimpleObjectProperty<>(this, "usedBy", List.of());
    private final LongProperty size = new SimpleLongProperty(this, "size", UNKNOWN);

    VolumeRow(VolumeSummary volume) {
        this.name = volume.name();
        update(volume);
    }

    void update(VolumeSummary volume) {
        if (!volume.equals(summary.get())) {
            summary.set(volume);
        }
        if (!usedBy.get().equals(volume.usedBy())) {
            usedBy.set(volume.usedBy());
        }
    }

    public String name() {
        return name;
    }

    public VolumeSummary summary() {
        return summary.get();
    }

    public ObjectProperty<VolumeSummary> summaryProperty() {
        return summary;
    }

    public String driver() {
        return summary().driver();
    }

    public Instant created() {
        return summary().created();
    }

    public Map<String, String> labels() {
        return summary().labels();
    }

    public boolean isAnonymous() {
        return summary().isAnonymous();
    }

    public List<String> usedBy() {
        return usedBy.get();
    }

    public boolean isInUse() {
        return !usedBy.get().isEmpty();
    }

    public ObjectProperty<List<String>> usedByProperty() {
        return usedBy;
    }

    public LongProperty sizeProperty() {
        return size;
    }

    public long size() {
        return size.get();
    }
}
