package dev.berth.app.compose;

import dev.berth.app.common.ListPage;
import dev.berth.app.common.PortLinks;
import dev.berth.app.containers.StateBadges;
import dev.berth.engine.ContainerState;
import dev.berth.ui.badge.Badge;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** A stack's services with their containers' state, ports and image; one service starts or stops from its menu. */
final class ServicesTable {

    private final ComposeViewModel model;
    private final TableView<ServiceRow> table = new TableView<>();

    ServicesTable(ComposeViewModel model) {
        this.model = model;
        table.setId("stack-services");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No services"));
        table.getColumns().setAll(List.of(
                ListPage.column("Service", 130, r -> new ReadOnlyStringWrapper(r.service())),
                stateColumn(),
                portsColumn(),
                ListPage.column("Image", 200, r -> new ReadOnlyStringWrapper(r.image())),
                ListPage.column("Container", 200, r -> new ReadOnlyStringWrapper(r.container()))));
        table.setPrefHeight(170);
        table.setContextMenu(serviceMenu());
    }

    /** Shows the rows; the user's chosen service stays chosen while its state changes. */
    void show(List<ServiceRow> rows) {
        if (rows.equals(table.getItems())) {
            return;
        }
        ServiceRow chosen = table.getSelectionModel().getSelectedItem();
        table.getItems().setAll(rows);
        rows.stream().filter(r -> chosen != null && r.service().equals(chosen.service())).findFirst()
                .ifPresent(r -> table.getSelectionModel().select(r));
    }

    /** Start, stop or restart one service's container. */
    private ContextMenu serviceMenu() {
        MenuItem start = new MenuItem("Start", new FontIcon(Material2MZ.PLAY_ARROW));
        start.setId("service-start");
        start.setOnAction(e -> act(ComposeViewModel.ServiceAction.START));
        MenuItem stop = new MenuItem("Stop", new FontIcon(Material2MZ.STOP));
        stop.setId("service-stop");
        stop.setOnAction(e -> act(ComposeViewModel.ServiceAction.STOP));
        MenuItem restart = new MenuItem("Restart", new FontIcon(Material2MZ.REPLAY));
        restart.setId("service-restart");
        restart.setOnAction(e -> act(ComposeViewModel.ServiceAction.RESTART));
        // Up leaves a container whose service left the file, as the CLI does; it can go from here.
        MenuItem remove = new MenuItem("Remove container…", new FontIcon(Material2AL.DELETE));
        remove.setId("service-remove");
        remove.setOnAction(e -> {
            ServiceRow row = table.getSelectionModel().getSelectedItem();
            if (row != null && row.orphan() && ComposeDialogs.confirmRemoveOrphan(table.getScene().getWindow(), row)) {
                model.act(row, ComposeViewModel.ServiceAction.REMOVE);
            }
        });
        ContextMenu menu = new ContextMenu(start, stop, restart, new SeparatorMenuItem(), remove);
        menu.setOnShowing(e -> {
            ServiceRow row = table.getSelectionModel().getSelectedItem();
            boolean none = row == null || row.id() == null;
            boolean running = !none && row.state() == ContainerState.RUNNING;
            start.setDisable(none || running);
            stop.setDisable(!running);
            restart.setDisable(none);
            remove.setDisable(none || !row.orphan());
        });
        return menu;
    }

    private void act(ComposeViewModel.ServiceAction action) {
        ServiceRow row = table.getSelectionModel().getSelectedItem();
        if (row != null && row.id() != null) {
            model.act(row, action);
        }
    }

    /** Published ports open in the browser; before the container exists, the file's rules as text. */
    private static TableColumn<ServiceRow, ServiceRow> portsColumn() {
        TableColumn<ServiceRow, ServiceRow> column = new TableColumn<>("Ports");
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ServiceRow row, boolean empty) {
                super.updateItem(row, empty);
                boolean links = !empty && row != null && !row.mappings().isEmpty();
                setText(empty || row == null || links ? null : row.ports());
                setGraphic(links ? PortLinks.of(row.mappings()) : null);
            }
        });
        column.setPrefWidth(190);
        return column;
    }

    private TableColumn<ServiceRow, ServiceRow> stateColumn() {
        TableColumn<ServiceRow, ServiceRow> column = new TableColumn<>("State");
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ServiceRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                // Before its container exists the status says why: "not created", "off: profile debug".
                Badge badge = row.state() == null ? new Badge(row.status(), Badge.Tone.NEUTRAL)
                        : new Badge(row.state().word(), StateBadges.tone(row.state()));
                badge.setTooltip(new Tooltip(row.status()));
                if (!row.orphan()) {
                    setGraphic(badge);
                    return;
                }
                Badge orphan = new Badge("not in the file", Badge.Tone.WARNING);
                orphan.setTooltip(new Tooltip("Its service is no longer in the compose file: Up leaves it,"
                        + " Down removes it"));
                setGraphic(new HBox(4, badge, orphan));
            }
        });
        column.setPrefWidth(130);
        return column;
    }

    TableView<ServiceRow> table() {
        return table;
    }

    Node node() {
        return table;
    }
}
