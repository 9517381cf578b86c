package dev.berth.app.volumes;

import dev.berth.app.common.AppServices;
import dev.berth.app.common.EmptyState;
import dev.berth.app.common.Formats;
import dev.berth.app.common.ListPage;
import dev.berth.app.common.TableSelection;
import dev.berth.app.shell.View;
import dev.berth.app.theme.Css;
import dev.berth.ui.badge.Badge;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The volumes table: filter, create, remove and prune, with the selected volume's details. */
public final class VolumesView implements View {

    private final AppServices services;
    private final VolumesViewModel model;
    private final BorderPane root = new BorderPane();
    private final TableView<VolumeRow> table = new TableView<>();
    private final SplitPane split = new SplitPane();
    private final VolumeDetails details = new VolumeDetails();
    private TableSelection<VolumeRow> selection;

    public VolumesView(AppServices services) {
        this.services = services;
        this.model = new VolumesViewModel(services);
        build();
        model.attach();
    }

    private void build() {
        ListPage.table(table, "volumes-table", model.visibleRows(), EmptyState.of(Material2MZ.STORAGE,
                "No volumes.\nCreate one here, or run a container with a volume mount.", model.connectedProperty()));
        TableColumn<VolumeRow, String> name = nameColumn();
        table.getColumns().setAll(List.of(name, ListPage.column("Driver", 90, r -> r.summaryProperty().map(v -> v.driver())),
                ListPage.sizeColumn(VolumeRow::sizeProperty, 90),
                ListPage.containersColumn("Mounted by", "Mounted by", VolumeRow::usedByProperty, true, 260),
                ListPage.createdColumn(r -> r.summaryProperty().map(v -> v.created()), 120)));
        table.getSortOrder().add(name);
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                remove();
            }
        });
        selection = new TableSelection<>(table, split, details.node(), details::show,
                row -> List.of(row.summaryProperty(), row.usedByProperty(), row.sizeProperty()),
                row -> {
                    details.clearJson();
                    model.inspect(row.name(), selection.ifStillShown(row, details::showJson));
                }, model.rows());

        Button create = ListPage.createButton("volume-create", model.connectedProperty(), this::create);
        Button remove = ListPage.removeButton("volume-remove", table, this::remove);
        MenuItem prune = new MenuItem("Prune unused volumes…", new FontIcon(Material2AL.DELETE_SWEEP));
        prune.setId("volumes-prune");
        prune.setOnAction(e -> prune());
        MenuItem measure = new MenuItem("Work out sizes again", new FontIcon(Material2MZ.REFRESH));
        measure.setId("volumes-measure");
        measure.setOnAction(e -> model.measure());
        MenuButton more = new MenuButton("More", new FontIcon(Material2MZ.MORE_HORIZ), prune, measure);
        more.setId("volumes-more");

        TextField filter = ListPage.filter("volumes", "Filter by name, label or container", 280);
        model.filterProperty().bind(filter.textProperty());
        ToggleButton unused = ListPage.toggle("volumes", "unused", "Unused only");
        model.unusedOnlyProperty().bind(unused.selectedProperty());
        ProgressIndicator measuring = new ProgressIndicator();
        measuring.setPrefSize(16, 16);
        Label measuringText = new Label("Working out sizes…", measuring);
        measuringText.setId("volumes-measuring");
        measuringText.getStyleClass().add(Css.VIEW_SUBTITLE);
        measuringText.visibleProperty().bind(model.measuringProperty());

        split.setOrientation(Orientation.VERTICAL);
        split.getItems().add(table);
        root.setTop(ListPage.top("Volumes", "volumes",
                Bindings.createStringBinding(this::summary, model.rows(), model.visibleRows()),
                new Node[] {create, remove, more}, filter, unused, measuringText));
        root.setCenter(split);
        BorderPane.setMargin(split, new Insets(0, 16, 16, 16));
        root.getStyleClass().add("volumes-view");
    }

    private String summary() {
        long unused = model.rows().stream().filter(r -> !r.isInUse()).count();
        return ListPage.count(model.rows().size(), "volume", "volumes", unused, model.visibleRows().size());
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void create() {
        VolumeDialogs.askCreate(window(), name -> model.row(name) != null).ifPresent(form ->
                model.create(form, name -> {
                    services.notifier().info("Created volume " + name);
                    selection.selectWhenListed(rows -> model.row(name));
                }));
    }

    private void remove() {
        List<VolumeRow> targets = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (targets.isEmpty()) {
            return;
        }
        List<VolumeRow> inUse = targets.stream().filter(VolumeRow::isInUse).toList();
        if (!inUse.isEmpty()) {
            VolumeDialogs.refuseInUse(window(), inUse);
            return;
        }
        if (VolumeDialogs.confirmRemove(window(), targets)) {
            model.remove(targets.stream().map(VolumeRow::name).toList(), () -> { });
        }
    }

    private void prune() {
        model.prunePreview(unused -> {
            Map<String, Long> sizes = new HashMap<>();
            model.rows().forEach(r -> sizes.put(r.name(), r.size()));
            sizes.values().removeIf(size -> size < 0);
            if (VolumeDialogs.confirmPrune(window(), unused, sizes)) {
                model.prune(pruned -> services.notifier().info("Pruned " + pruned.deleted().size()
                        + (pruned.deleted().size() == 1 ? " volume, " : " volumes, ") + Formats.bytes(pruned.bytes()) + " freed"));
            }
        });
    }

    private TableColumn<VolumeRow, String> nameColumn() {
        TableColumn<VolumeRow, String> column = new TableColumn<>("Name");
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(c.getValue().name()));
        column.setCellFactory(c -> new TableCell<>() {
            private final Badge anonymous = new Badge("anonymous", Badge.Tone.NEUTRAL);

            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                VolumeRow row = empty ? null : getTableRow().getItem();
                if (row == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                // Anonymous volumes are named with 64 hex digits: the first 12 tell them apart.
                setText(row.isAnonymous() ? name.substring(0, 12) : name);
                setGraphic(row.isAnonymous() ? anonymous : null);
                setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
                setTooltip(new Tooltip(name));
            }
        });
        column.setPrefWidth(320);
        return column;
    }

    /** For tests. */
    TableView<VolumeRow> table() {
        return table;
    }

    VolumesViewModel model() {
        return model;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void close() {
        model.close();
    }
}
