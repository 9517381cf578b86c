package dev.berth.app.containers;

import dev.berth.app.common.AppServices;
import dev.berth.app.containers.details.ContainerDetailsPane;
import dev.berth.app.containers.run.RunDialog;
import dev.berth.app.shell.View;
import dev.berth.app.theme.Css;
import dev.berth.engine.ContainerSpec;
import dev.berth.engine.ContainerState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

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
    private final TextField filter = new TextField();
    private final ToggleButton runningOnly = new ToggleButton("Running only");
    private final BulkReportPane report = new BulkReportPane();
    private final SplitPane split = new SplitPane();
    private ContainerDetailsPane details;
    private boolean sortPending;

    public ContainersView(AppServices services) {
        this.services = services;
        this.model = new ContainersViewModel(services);
        this.tree = new ContainerTree(model.rows(), this::sortSoon);
        tree.aroundChanges(this::keepingSelection);
        build();
        model.attach();
        StartupMarker.watch(table, model);
    }

    private void build() {
        table.setId("containers-table");
        table.setRoot(tree.root());
        table.setShowRoot(false);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(placeholder());
        table.getColumns().setAll(ContainerColumns.all());
        table.getSortOrder().add(table.getColumns().get(0));
        table.setRowFactory(t -> row());
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && !targets().isEmpty()) {
                confirmAndRemove(targets());
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                selectedContainer().ifPresent(this::openDetails);
                e.consume();
            }
        });

        filter.setId("container-filter");
        filter.setPromptText("Filter: name, image, label, state   (Ctrl+F)");
        filter.setPrefColumnCount(22);
        filter.setMinWidth(140);
        filter.textProperty().addListener((obs, old, now) -> applyFilter());
        runningOnly.setId("running-only");
        runningOnly.setGraphic(new FontIcon(Material2MZ.PLAY_CIRCLE_OUTLINE));
        runningOnly.setMinWidth(Region.USE_PREF_SIZE);
        runningOnly.selectedProperty().addListener((obs, old, now) -> applyFilter());

        BooleanBinding noSelection = Bindings.isEmpty(table.getSelectionModel().getSelectedItems());
        List<Button> actions = new ArrayList<>();
        actions.add(action("Start", Material2MZ.PLAY_ARROW, BulkAction.START));
        actions.add(action("Stop", Material2MZ.STOP, BulkAction.STOP));
        actions.add(action("Restart", Material2MZ.REFRESH, BulkAction.RESTART));
        // Less frequent actions show only their icon (and say what they do on hover).
        actions.add(iconAction("Pause", Material2MZ.PAUSE, BulkAction.PAUSE));
        actions.add(iconAction("Unpause", Material2MZ.PLAY_CIRCLE_OUTLINE, BulkAction.UNPAUSE));
        actions.add(iconAction("Kill", Material2AL.FLASH_ON, BulkAction.KILL));
        Button remove = new Button("Remove", new FontIcon(Material2AL.DELETE));
        remove.setId("container-remove");
        remove.getStyleClass().add(Css.DANGER);
        remove.setOnAction(e -> confirmAndRemove(targets()));
        actions.add(remove);
        actions.forEach(b -> {
            b.disableProperty().bind(noSelection);
            b.setMinWidth(Region.USE_PREF_SIZE);
        });

        Button run = new Button("Run container", new FontIcon(Material2AL.ADD));
        run.setId("container-run");
        run.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        run.setOnAction(e -> openRunDialog(null));
        run.setMinWidth(Region.USE_PREF_SIZE);

        Label title = new Label("Containers");
        title.getStyleClass().add(Css.VIEW_TITLE);
        Label count = new Label();
        count.setId("containers-count");
        count.getStyleClass().add(Css.VIEW_SUBTITLE);
        count.textProperty().bind(Bindings.createStringBinding(() -> summary(model.rows(), shownCount()),
                model.rows(), tree.root().getChildren(), filter.textProperty(), runningOnly.selectedProperty()));
        HBox heading = new HBox(10, title, count, spacer(), run);
        heading.setAlignment(Pos.CENTER_LEFT);
        FontIcon magnifier = new FontIcon(Material2MZ.SEARCH);
        magnifier.getStyleClass().add("filter-icon");
        HBox filters = new HBox(8, magnifier, filter, runningOnly, spacer());
        filters.getChildren().addAll(actions);
        filters.setAlignment(Pos.CENTER_LEFT);
        VBox toolbar = new VBox(10, heading, filters);
        toolbar.getStyleClass().add(Css.VIEW_TOOLBAR);
        toolbar.setPadding(new Insets(12, 16, 10, 16));

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
        root.setTop(toolbar);
        root.setCenter(center);
        root.getStyleClass().add("containers-view");
        root.sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.getAccelerators().remove(FIND);
            }
            if (now != null) {
                now.getAccelerators().put(FIND, this::focusFilter);
            }
        });
    }

    private TreeTableRow<ContainerEntry> row() {
        TreeTableRow<ContainerEntry> row = new TreeTableRow<>() {
            @Override
            protected void updateItem(ContainerEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                getStyleClass().remove("compose-project-row");
                if (entry instanceof ComposeGroup) {
                    getStyleClass().add("compose-project-row");
                }
            }
        };
        row.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2
                    && row.getItem() instanceof ContainerRow container) {
                openDetails(container);
            }
        });
        row.setOnContextMenuRequested(e -> {
            if (row.getItem() != null) {
                contextMenu(row.getItem()).show(row, e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
        return row;
    }

    private ContextMenu contextMenu(ContainerEntry entry) {
        ContextMenu menu = new ContextMenu();
        if (entry instanceof ComposeGroup group) {
            menu.getItems().addAll(
                    item("Start project", Material2MZ.PLAY_ARROW, () -> perform(BulkAction.START, group.members())),
                    item("Stop project", Material2MZ.STOP, () -> perform(BulkAction.STOP, group.members())),
                    item("Restart project", Material2MZ.REFRESH, () -> perform(BulkAction.RESTART, group.members())),
                    new SeparatorMenuItem(),
                    item("Remove project…", Material2AL.DELETE, () -> confirmAndRemove(group.members())));
            return menu;
        }
        ContainerRow row = (ContainerRow) entry;
        List<ContainerRow> chosen = targets().contains(row) ? targets() : List.of(row);
        menu.getItems().addAll(
                item("Open details", Material2AL.INFO, () -> openDetails(row)),
                new SeparatorMenuItem(),
                item("Start", Material2MZ.PLAY_ARROW, () -> perform(BulkAction.START, chosen)),
                item("Stop", Material2MZ.STOP, () -> perform(BulkAction.STOP, chosen)),
                item("Restart", Material2MZ.REFRESH, () -> perform(BulkAction.RESTART, chosen)),
                item("Pause", Material2MZ.PAUSE, () -> perform(BulkAction.PAUSE, chosen)),
                item("Unpause", Material2MZ.PLAY_CIRCLE_OUTLINE, () -> perform(BulkAction.UNPAUSE, chosen)),
                item("Kill", Material2AL.FLASH_ON, () -> perform(BulkAction.KILL, chosen)),
                new SeparatorMenuItem(),
                item("Rename…", Material2AL.EDIT, () -> ContainerDialogs.rename(window(), row, model)),
                item("Run again with these settings…", Material2AL.CONTENT_COPY, () -> duplicate(row)),
                item("Commit to image…", Material2MZ.SAVE, () -> ContainerDialogs.commit(window(), row, model,
                        services.notifier())),
                item("Copy ID", Material2AL.CONTENT_PASTE, () -> copy(row.id())),
                new SeparatorMenuItem(),
                item("Remove…", Material2AL.DELETE, () -> confirmAndRemove(chosen)));
        return menu;
    }

    private static MenuItem item(String text, Ikon icon, Runnable action) {
        MenuItem item = new MenuItem(text, new FontIcon(icon));
        item.setOnAction(e -> action.run());
        return item;
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }

    private Button action(String text, Ikon icon, BulkAction bulk) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId("container-" + text.toLowerCase());
        button.setOnAction(e -> perform(bulk, targets()));
        return button;
    }

    private Button iconAction(String text, Ikon icon, BulkAction bulk) {
        Button button = action(text, icon, bulk);
        button.setText(null);
        button.setTooltip(new Tooltip(text + " the selected containers"));
        button.setAccessibleText(text);
        return button;
    }

    private void perform(BulkAction action, List<ContainerRow> targets) {
        model.perform(action, targets, false);
    }

    private void confirmAndRemove(List<ContainerRow> targets) {
        if (targets.isEmpty()) {
            return;
        }
        ContainerDialogs.confirmRemove(window(), targets)
                .ifPresent(removeVolumes -> model.remove(targets, removeVolumes));
    }

    private void duplicate(ContainerRow row) {
        model.settingsOf(row, spec -> openRunDialog(spec.withName(row.name() + "-copy")));
    }

    private void openRunDialog(ContainerSpec prefill) {
        RunDialog.open(window(), services, prefill, (id, attach) -> {
            if (attach) {
                Platform.runLater(() -> openDetails(id, ContainerDetailsPane.Tab.LOGS));
            }
        });
    }

    /** The containers chosen: selected ones, and every container of a selected project. */
    private List<ContainerRow> targets() {
        Set<ContainerRow> rows = new LinkedHashSet<>();
        for (TreeItem<ContainerEntry> item : table.getSelectionModel().getSelectedItems()) {
            if (item == null) {
                continue;
            }
            if (item.getValue() instanceof ContainerRow row) {
                rows.add(row);
            } else if (item.getValue() instanceof ComposeGroup group) {
                rows.addAll(group.members());
            }
        }
        return List.copyOf(rows);
    }

    private java.util.Optional<ContainerRow> selectedContainer() {
        TreeItem<ContainerEntry> item = table.getSelectionModel().getSelectedItem();
        return item != null && item.getValue() instanceof ContainerRow row ? java.util.Optional.of(row)
                : java.util.Optional.empty();
    }

    void openDetails(ContainerRow row) {
        openDetails(row.id(), ContainerDetailsPane.Tab.OVERVIEW);
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
            tree.setFilter(ContainerFilter.of(filter.getText(), runningOnly.isSelected()));
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

    private void focusFilter() {
        filter.requestFocus();
        filter.selectAll();
    }

    private Window window() {
        Scene scene = root.getScene();
        return scene == null ? null : scene.getWindow();
    }

    private static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }

    private static String summary(List<ContainerRow> rows, int shown) {
        long running = rows.stream().filter(r -> r.state() == ContainerState.RUNNING).count();
        String text = rows.size() + (rows.size() == 1 ? " container · " : " containers · ") + running + " running";
        return shown < rows.size() ? text + " · " + shown + " shown" : text;
    }

    /** Containers the filter keeps (those inside projects included). */
    private int shownCount() {
        int shown = 0;
        for (TreeItem<ContainerEntry> item : tree.root().getChildren()) {
            shown += item.getValue() instanceof ComposeGroup ? item.getChildren().size() : 1;
        }
        return shown;
    }

    private static Node placeholder() {
        Label text = new Label("No containers here.\nContainers you run with docker or Berth appear here.");
        text.getStyleClass().add(Css.PLACEHOLDER_TEXT);
        text.setWrapText(true);
        FontIcon icon = new FontIcon(Material2AL.INBOX);
        icon.getStyleClass().add(Css.PLACEHOLDER_ICON);
        VBox box = new VBox(8, icon, text);
        box.setAlignment(Pos.CENTER);
        return box;
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
