package dev.berth.app.containers;

import dev.berth.app.theme.Css;
import dev.berth.engine.ContainerState;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The containers view's toolbar: the title with the container count and Run; under it the filter,
 * the running-only toggle and the bulk actions on the selected containers.
 */
final class ContainersToolbar {

    private final ContainerTree tree;
    private final ContainerCommands commands;
    private final TextField filter = new TextField();
    private final ToggleButton runningOnly = new ToggleButton("Running only");
    private final VBox toolbar;

    ContainersToolbar(ContainersViewModel model, ContainerTree tree, TreeTableView<ContainerEntry> table,
                      ContainerCommands commands, Runnable onFilterChanged) {
        this.tree = tree;
        this.commands = commands;
        filter.setId("container-filter");
        filter.setPromptText("Filter: name, image, label, state   (Ctrl+F)");
        filter.setPrefColumnCount(22);
        filter.setMinWidth(140);
        filter.textProperty().addListener((obs, old, now) -> onFilterChanged.run());
        runningOnly.setId("running-only");
        runningOnly.setGraphic(new FontIcon(Material2MZ.PLAY_CIRCLE_OUTLINE));
        runningOnly.setMinWidth(Region.USE_PREF_SIZE);
        runningOnly.selectedProperty().addListener((obs, old, now) -> onFilterChanged.run());

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
        remove.setOnAction(e -> commands.confirmAndRemove(commands.targets()));
        actions.add(remove);
        actions.forEach(b -> {
            b.disableProperty().bind(noSelection);
            b.setMinWidth(Region.USE_PREF_SIZE);
        });

        Button run = new Button("Run container", new FontIcon(Material2AL.ADD));
        run.setId("container-run");
        run.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        run.setOnAction(e -> commands.openRunDialog(null));
        run.setMinWidth(Region.USE_PREF_SIZE);
        run.disableProperty().bind(model.connectedProperty().not());

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
        toolbar = new VBox(10, heading, filters);
        toolbar.getStyleClass().add(Css.VIEW_TOOLBAR);
        toolbar.setPadding(new Insets(12, 16, 10, 16));
    }

    Node node() {
        return toolbar;
    }

    /** What the filter field and the running-only toggle let through. */
    ContainerFilter filter() {
        return ContainerFilter.of(filter.getText(), runningOnly.isSelected());
    }

    void focusFilter() {
        filter.requestFocus();
        filter.selectAll();
    }

    private Button action(String text, Ikon icon, BulkAction bulk) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId("container-" + text.toLowerCase());
        button.setOnAction(e -> commands.perform(bulk, commands.targets()));
        return button;
    }

    private Button iconAction(String text, Ikon icon, BulkAction bulk) {
        Button button = action(text, icon, bulk);
        button.setText(null);
        button.setTooltip(new Tooltip(text + " the selected containers"));
        button.setAccessibleText(text);
        return button;
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
}
