package dev.berth.app.containers;

import dev.berth.app.common.AppServices;
import dev.berth.app.common.EmptyState;
import dev.berth.app.containers.details.ContainerDetailsPane;
import dev.berth.app.shell.View;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.Window;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The containers list: a tree table grouping compose projects, a filter, bulk actions with a
 * per-container report, the run dialog and a details pane for the container opened.
 *
 * <p>Keys: Delete removes (after asking), Enter opens details, Ctrl/Cmd+F focuses the filter.
 */
public final class ContainersView implements View {

    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final AppServices services;
    private final ContainersViewModel model;
    private final BorderPane root = new BorderPane();
    private final TreeTableView<ContainerEntry> table = new TreeTableView<>();
    private final ContainerTree tree;
    private final ContainerCommands commands;
    private final ContainersToolbar toolbar;
    private final BulkReportPane report = new BulkReportPane();
    private final SplitPane split = new SplitPane();
    private ContainerDetailsPane details;
    private boolean sortPending;

    public ContainersView(AppServices services) {
        this.services = services;
        this.model = new ContainersViewModel(services);
        this.tree = new ContainerTree(model.rows(), this::sortSoon);
        tree.aroundChanges(this::keepingSelection);
        this.commands = new ContainerCommands(services, model, table, this::window, this::openDetails);
        this.toolbar = new ContainersToolbar(model, tree, table, commands, this::applyFilter);
        build();
        model.attach();
        StartupMarker.watch(table, model);
    }

    private void build() {
        table.setId("containers-table");
        table.setRoot(tree.root());
        table.setShowRoot(false);
        // Rows of one height (the theme's, three times the font size) spare the table measuring each
        // row on every layout pass: half its cost while CPU and memory numbers change every second.
        table.setFixedCellSize(Math.ceil(Font.getDefault().getSize() * 3));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(EmptyState.of(Material2AL.INBOX,
                "No containers here.\nContainers you run with docker or Berth appear here.", model.connectedProperty()));
        table.getColumns().setAll(ContainerColumns.all());
        table.getSortOrder().add(table.getColumns().get(0));
        table.setRowFactory(t -> new ContainerTableRow(commands));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && !commands.targets().isEmpty()) {
                commands.confirmAndRemove(commands.targets());
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                commands.selectedContainer().ifPresent(commands::openDetails);
                e.consume();
            }
        });

        model.lastReportProperty().addListener((obs, old, now) -> {
            if (now != null && (now.outcomes().size() > 1)) {
                report.show(now);
            }
        });
        split.setOrientation(Orientation.VERTICAL);
        split.getItems().add(table);
        VBox center = new VBox(8, report, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        center.setPadding(new Insets(0, 16, 16, 16));
        root.setTop(toolbar.node());
        root.setCenter(center);
        root.getStyleClass().add("containers-view");
        root.sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.getAccelerators().remove(FIND);
            }
            if (now != null) {
                now.getAccelerators().put(FIND, toolbar::focusFilter);
            }
        });
    }

    private void openDetails(String id, ContainerDetailsPane.Tab tab) {
        if (details != null) {
            details.close();
            split.getItems().remove(details.node());
        }
        details = new ContainerDetailsPane(services, id, this::closeDetails);
        details.select(tab);
        split.getItems().add(details.node());
        split.setDividerPositions(0.45);
    }

    private void closeDetails() {
        if (details != null) {
            details.close();
            split.getItems().remove(details.node());
            details = null;
        }
    }

    private void applyFilter() {
        keepingSelection(() -> {
            tree.setFilter(toolbar.filter());
            table.sort();
        });
    }

    /** One sort per burst of changes, after they are all in. */
    private void sortSoon() {
        if (!sortPending) {
            sortPending = true;
            Platform.runLater(() -> {
                sortPending = false;
                keepingSelection(table::sort);
            });
        }
    }

    /**
     * Runs a change to the tree and selects again what was selected, where it still is: events about
     * any container on the engine move rows, and the user's selection must not go with them.
     */
    private void keepingSelection(Runnable change) {
        List<TreeItem<ContainerEntry>> selected = List.copyOf(table.getSelectionModel().getSelectedItems());
        change.run();
        if (selected.isEmpty() || table.getSelectionModel().getSelectedItems().equals(selected)) {
            return;
        }
        table.getSelectionModel().clearSelection();
        for (TreeItem<ContainerEntry> item : selected) {
            if (item != null && table.getRow(item) >= 0) {
                table.getSelectionModel().select(item);
            }
        }
    }

    private Window window() {
        Scene scene = root.getScene();
        return scene == null ? null : scene.getWindow();
    }

    /** For tests. */
    TreeTableView<ContainerEntry> table() {
        return table;
    }

    ContainersViewModel model() {
        return model;
    }

    ContainerTree tree() {
        return tree;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void close() {
        closeDetails();
        model.close();
    }
}
