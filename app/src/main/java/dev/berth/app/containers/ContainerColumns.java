package dev.berth.app.containers;

import dev.berth.app.common.PortLinks;
import dev.berth.app.common.Formats;
import dev.berth.engine.ContainerState;
import dev.berth.engine.PortMapping;
import dev.berth.ui.badge.Badge;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** The containers table's columns; each reads a row's property so a change repaints one cell. */
final class ContainerColumns {

    /** Shown for a value not known (yet), such as CPU of a stopped container. */
    static final String UNKNOWN = "—";

    private ContainerColumns() {
    }

    static List<TreeTableColumn<ContainerEntry, ?>> all() {
        return List.of(name(), image(), state(), status(), ports(), cpu(), memory(), created());
    }

    static TreeTableColumn<ContainerEntry, String> name() {
        TreeTableColumn<ContainerEntry, String> column = column("Name", 230, e -> e.nameProperty());
        column.setId("column-name");
        column.setCellFactory(c -> new TreeTableCell<>() {
            private final FontIcon projectIcon = new FontIcon(Material2AL.ACCOUNT_TREE);

            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                ContainerEntry entry = empty ? null : getTableRow().getItem();
                getStyleClass().remove("compose-project-cell");
                if (entry instanceof ComposeGroup) {
                    getStyleClass().add("compose-project-cell");
                    setGraphic(projectIcon);
                } else {
                    setGraphic(null);
                }
                setText(empty ? null : name);
            }
        });
        return column;
    }

    static TreeTableColumn<ContainerEntry, String> image() {
        TreeTableColumn<ContainerEntry, String> column = column("Image", 150, e -> e.imageProperty());
        column.setId("column-image");
        return column;
    }

    static TreeTableColumn<ContainerEntry, ContainerState> state() {
        TreeTableColumn<ContainerEntry, ContainerState> column = column("State", 90, e -> e.stateProperty());
        column.setId("column-state");
        column.setCellFactory(c -> new TreeTableCell<>() {
            private final Badge badge = new Badge();

            @Override
            protected void updateItem(ContainerState state, boolean empty) {
                super.updateItem(state, empty);
                ContainerEntry entry = empty ? null : getTableRow().getItem();
                if (entry == null || state == null || entry instanceof ComposeGroup) {
                    setGraphic(null);
                    return;
                }
                badge.setText(state.word());
                badge.setTone(StateBadges.tone(state));
                setGraphic(badge);
            }
        });
        return column;
    }

    static TreeTableColumn<ContainerEntry, String> status() {
        TreeTableColumn<ContainerEntry, String> column = column("Status", 155, e -> e.statusProperty());
        column.setId("column-status");
        // The engine's words, shortened to fit ("Exited (137) 5 min ago"); the whole text on hover.
        column.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(String status, boolean empty) {
                super.updateItem(status, empty);
                setText(empty ? null : StatusText.compact(status));
                setTooltip(empty || status == null || status.isEmpty() ? null : new Tooltip(status));
            }
        });
        return column;
    }

    static TreeTableColumn<ContainerEntry, List<PortMapping>> ports() {
        TreeTableColumn<ContainerEntry, List<PortMapping>> column = column("Ports", 185,
                e -> e instanceof ContainerRow row ? row.portsProperty() : new ReadOnlyObjectWrapper<>(List.of()));
        column.setId("column-ports");
        column.setComparator(Comparator.comparing(PortLinks::text));
        column.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(List<PortMapping> ports, boolean empty) {
                super.updateItem(ports, empty);
                setText(null);
                if (empty || ports == null || ports.isEmpty()) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                setGraphic(PortLinks.of(ports));
                setTooltip(new Tooltip(PortLinks.text(ports)));
            }
        });
        return column;
    }

    static TreeTableColumn<ContainerEntry, Number> cpu() {
        TreeTableColumn<ContainerEntry, Number> column = column("CPU %", 130, LiveCells::cpuValue);
        column.setId("column-cpu");
        column.setComparator(Comparator.comparingDouble(n -> Double.isNaN(n.doubleValue()) ? -1 : n.doubleValue()));
        column.setCellFactory(c -> LiveCells.cpu());
        return column;
    }

    static TreeTableColumn<ContainerEntry, Number> memory() {
        TreeTableColumn<ContainerEntry, Number> column = column("Memory", 95, LiveCells::memoryValue);
        column.setId("column-memory");
        column.setComparator(Comparator.comparingLong(Number::longValue));
        column.setCellFactory(c -> LiveCells.memory());
        return column;
    }

    static TreeTableColumn<ContainerEntry, Instant> created() {
        TreeTableColumn<ContainerEntry, Instant> column = column("Created", 145, e -> e.createdProperty());
        column.setId("column-created");
        column.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        column.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(Instant created, boolean empty) {
                super.updateItem(created, empty);
                setText(empty || created == null ? null : Formats.ago(created, Instant.now()));
            }
        });
        return column;
    }

    @SuppressWarnings("unchecked")
    private static <T> TreeTableColumn<ContainerEntry, T> column(String title, double width,
                                                                Function<ContainerEntry, ObservableValue<?>> value) {
        TreeTableColumn<ContainerEntry, T> column = new TreeTableColumn<>(title);
        column.setCellValueFactory(c -> c.getValue() == null || c.getValue().getValue() == null
                ? Bindings.createObjectBinding(() -> null)
                : (ObservableValue<T>) value.apply(c.getValue().getValue()));
        column.setPrefWidth(width);
        return column;
    }
}
