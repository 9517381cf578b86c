package dev.berth.app.networks;

import dev.berth.app.common.AppServices;
import dev.berth.app.common.EmptyState;
import dev.berth.app.common.ListPage;
import dev.berth.app.common.TableSelection;
import dev.berth.app.shell.View;
import dev.berth.app.theme.Css;
import dev.berth.engine.NetworkSummary;
import dev.berth.ui.badge.Badge;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The networks table: filter, create, remove and prune, with the selected network's details. */
public final class NetworksView implements View {

    private final AppServices services;
    private final NetworksViewModel model;
    private final BorderPane root = new BorderPane();
    private final TableView<NetworkRow> table = new TableView<>();
    private final SplitPane split = new SplitPane();
    private final NetworkDetails details = new NetworkDetails(this::connect, this::disconnect);
    private TableSelection<NetworkRow> selection;

    public NetworksView(AppServices services) {
        this.services = services;
        this.model = new NetworksViewModel(services);
        build();
        model.attach();
    }

    private void build() {
        ListPage.table(table, "networks-table", model.visibleRows(), EmptyState.of(Material2AL.DEVICE_HUB,
                "No networks match.\nCreate one, or clear the filter.", model.connectedProperty()));
        TableColumn<NetworkRow, String> name = nameColumn();
        table.getColumns().setAll(List.of(name, text("Driver", 90, NetworkSummary::driver),
                text("Subnet", 170, n -> n.subnets().stream().map(NetworkSummary.Subnet::subnet)
                        .collect(Collectors.joining(", "))),
                text("Gateway", 120, n -> n.subnets().stream().map(NetworkSummary.Subnet::gateway)
                        .filter(g -> !g.isEmpty()).collect(Collectors.joining(", "))),
                containersColumn(),
                ListPage.createdColumn(r -> r.summaryProperty().map(NetworkSummary::created), 140)));
        table.getSortOrder().add(name);
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                remove();
            }
        });
        selection = new TableSelection<>(table, split, details.node(), row -> details.show(row.summary()),
                row -> List.of(row.summaryProperty()), row -> {
                    details.clearJson();
                    model.inspect(row.id(), selection.ifStillShown(row, details::showJson));
                }, model.rows());

        Button create = ListPage.createButton("network-create", model.connectedProperty(), this::create);
        Button remove = ListPage.removeButton("network-remove", table, this::remove);
        MenuItem prune = new MenuItem("Prune unused networks…", new FontIcon(Material2AL.DELETE_SWEEP));
        prune.setId("networks-prune");
        prune.setOnAction(e -> prune());
        MenuButton more = new MenuButton("More", new FontIcon(Material2MZ.MORE_HORIZ), prune);
        more.setId("networks-more");

        TextField filter = ListPage.filter("networks", "Filter by name, subnet or container", 300);
        model.filterProperty().bind(filter.textProperty());
        ToggleButton unused = ListPage.toggle("networks", "unused", "Unused only");
        model.unusedOnlyProperty().bind(unused.selectedProperty());

        split.setOrientation(Orientation.VERTICAL);
        split.getItems().add(table);
        root.setTop(ListPage.top("Networks", "networks",
                Bindings.createStringBinding(this::summary, model.rows(), model.visibleRows()),
                new Node[] {create, remove, more}, filter, unused));
        root.setCenter(split);
        BorderPane.setMargin(split, new Insets(0, 16, 16, 16));
        root.getStyleClass().add("networks-view");
    }

    private String summary() {
        long unused = model.rows().stream().filter(r -> !r.summary().isInUse() && !r.summary().isBuiltIn()).count();
        return ListPage.count(model.rows().size(), "network", "networks", unused, model.visibleRows().size());
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void create() {
        NetworkDialogs.askCreate(window(), name -> model.named(name) != null).ifPresent(form ->
                model.create(form, name -> {
                    services.notifier().info("Created network " + name);
                    selection.selectWhenListed(rows -> model.named(name));
                }));
    }

    private void connect() {
        NetworkRow row = selection.shown();
        if (row != null) {
            model.connectables(row, candidates -> NetworkDialogs.askContainer(window(), row.name(), candidates)
                    .ifPresent(container -> model.connect(row, container)));
        }
    }

    private void disconnect(NetworkSummary.Attachment attachment) {
        NetworkRow row = selection.shown();
        if (row != null && attachment != null && NetworkDialogs.confirmDisconnect(window(), row.name(), attachment)) {
            model.disconnect(row, attachment);
        }
    }

    private void remove() {
        List<NetworkRow> targets = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (!targets.isEmpty() && NetworkDialogs.refuse(window(), targets)
                && NetworkDialogs.confirmRemove(window(), targets)) {
            model.remove(targets);
        }
    }

    private void prune() {
        model.prunePreview(unused -> {
            if (NetworkDialogs.confirmPrune(window(), unused)) {
                model.prune(removed -> services.notifier().info("Pruned " + removed.size()
                        + (removed.size() == 1 ? " network" : " networks")));
            }
        });
    }

    private TableColumn<NetworkRow, String> nameColumn() {
        TableColumn<NetworkRow, String> column = new TableColumn<>("Name");
        column.setCellValueFactory(c -> c.getValue().summaryProperty().map(NetworkSummary::name));
        column.setCellFactory(c -> new TableCell<>() {
            private final Badge builtIn = new Badge("built-in", Badge.Tone.NEUTRAL);
            private final Badge internal = new Badge("internal", Badge.Tone.WARNING);

            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                NetworkRow row = empty ? null : getTableRow().getItem();
                if (row == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(name);
                setContentDisplay(ContentDisplay.RIGHT);
                setGraphic(row.summary().isBuiltIn() ? builtIn : row.summary().internal() ? internal : null);
            }
        });
        column.setPrefWidth(260);
        return column;
    }

    private static TableColumn<NetworkRow, String> text(String title, double width, Function<NetworkSummary, String> value) {
        return ListPage.column(title, width, r -> r.summaryProperty().map(value));
    }

    private static TableColumn<NetworkRow, NetworkSummary> containersColumn() {
        TableColumn<NetworkRow, NetworkSummary> column = new TableColumn<>("Containers");
        column.setCellValueFactory(c -> c.getValue().summaryProperty());
        column.setComparator((a, b) -> Integer.compare(a.attached().size(), b.attached().size()));
        column.setCellFactory(c -> new TableCell<>() {
            private final Badge unused = new Badge("unused", Badge.Tone.WARNING);
            private final Badge count = new Badge("", Badge.Tone.ACCENT);
            private final Label names = new Label();
            private final HBox box = new HBox(6, count, names);

            {
                box.setAlignment(Pos.CENTER_LEFT);
                names.getStyleClass().add(Css.VIEW_SUBTITLE);
            }

            @Override
            protected void updateItem(NetworkSummary n, boolean empty) {
                super.updateItem(n, empty);
                if (empty || n == null) {
                    setGraphic(null);
                    setTooltip(null);
                } else if (!n.isInUse()) {
                    setGraphic(n.isBuiltIn() ? null : unused);
                    setTooltip(null);
                } else {
                    int running = n.running().size();
                    count.setText(running + " of " + n.attached().size() + " running");
                    names.setText(String.join(", ", n.containerNames()));
                    setGraphic(box);
                    setTooltip(new Tooltip(String.join("\n", n.containerNames())));
                }
            }
        });
        column.setPrefWidth(260);
        return column;
    }

    /** For tests. */
    TableView<NetworkRow> table() {
        return table;
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
