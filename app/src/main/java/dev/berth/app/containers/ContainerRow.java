package dev.berth.app.containers;

import dev.berth.engine.ContainerState;
import dev.berth.engine.ContainerSummary;
import dev.berth.engine.PortMapping;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One container in the table. Rows are updated in place when the engine reports a change, so the
 * table keeps its selection and scroll position and only the changed cells repaint.
 *
 * <p>CPU and memory are filled by whoever follows the container's stats; until then they are
 * unknown (NaN and -1) and the table shows a dash.
 */
public final class ContainerRow implements ContainerEntry {

    private final String id;
    private final StringProperty name = new SimpleStringProperty(this, "name");
    private final StringProperty image = new SimpleStringProperty(this, "image");
    private final ObjectProperty<ContainerState> state = new SimpleObjectProperty<>(this, "state");
    private final StringProperty status = new SimpleStringProperty(this, "status");
    private final ObjectProperty<List<PortMapping>> ports = new SimpleObjectProperty<>(this, "ports", List.of());
    private final ObjectProperty<Instant> created = new SimpleObjectProperty<>(this, "created");
    private final DoubleProperty cpuPercent = new SimpleDoubleProperty(this, "cpuPercent", Double.NaN);
    private final LongProperty memoryBytes = new SimpleLongProperty(this, "memoryBytes", -1);
    private final ObjectProperty<double[]> cpuHistory = new SimpleObjectProperty<>(this, "cpuHistory", new double[0]);
    private Map<String, String> labels = Map.of();
    /** How many table cells show this row now (0: scrolled out of view, or no table). */
    private int shownBy;
    private String imageId = "";

    public ContainerRow(ContainerSummary summary) {
        this.id = summary.id();
        update(summary);
    }

    /** Copies what changed; unchanged properties fire nothing. */
    public void update(ContainerSummary s) {
        if (!s.id().equals(id)) {
            throw new IllegalArgumentException("summary of " + s.id() + " given to row " + id);
        }
        setIfChanged(name, s.name());
        setIfChanged(image, s.image());
        setIfChanged(state, s.state());
        setIfChanged(status, s.status());
        setIfChanged(ports, s.ports());
        setIfChanged(created, s.created());
        labels = s.labels();
        imageId = s.imageId() == null ? "" : s.imageId();
    }

    private static <T> void setIfChanged(javafx.beans.property.Property<T> property, T value) {
        if (!Objects.equals(property.getValue(), value)) {
            property.setValue(value);
        }
    }

    public String id() {
        return id;
    }

    public String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    @Override
    public ReadOnlyStringProperty nameProperty() {
        return name;
    }

    public String name() {
        return name.get();
    }

    @Override
    public ReadOnlyStringProperty imageProperty() {
        return image;
    }

    @Override
    public ReadOnlyObjectProperty<ContainerState> stateProperty() {
        return state;
    }

    public ContainerState state() {
        return state.get();
    }

    @Override
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyObjectProperty<List<PortMapping>> portsProperty() {
        return ports;
    }

    @Override
    public ReadOnlyObjectProperty<Instant> createdProperty() {
        return created;
    }

    public Map<String, String> labels() {
        return labels;
    }

    public String image() {
        return image.get();
    }

    public String imageId() {
        return imageId;
    }

    /** The compose project this container belongs to, or null. */
    public String composeProject() {
        return labels.get(ContainerSummary.COMPOSE_PROJECT_LABEL);
    }

    /** CPU use in percent of one core (may exceed 100 on several), or NaN while unknown. */
    public DoubleProperty cpuPercentProperty() {
        return cpuPercent;
    }

    /** Memory in use, in bytes, or -1 while unknown. */
    public LongProperty memoryBytesProperty() {
        return memoryBytes;
    }

    /** Recent CPU percentages, oldest first, for the table's sparkline (empty while unknown). */
    public ObjectProperty<double[]> cpuHistoryProperty() {
        return cpuHistory;
    }

    /** Counts a table cell that starts ({@code +1}) or stops ({@code -1}) showing this row. */
    void shownBy(int delta) {
        shownBy += delta;
    }

    /** True while a table cell shows this row, so a change of its numbers is repainted. */
    boolean isShown() {
        return shownBy > 0;
    }

    @Override
    public String toString() {
        return name() + " (" + shortId() + ", " + state() + ")";
    }
}
