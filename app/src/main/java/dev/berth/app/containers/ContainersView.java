package dev.berth.app.containers;

import dev.berth.app.common.AppServices;
import dev.berth.app.common.Formats;
import dev.berth.app.shell.View;
import dev.berth.app.theme.Css;
import dev.berth.engine.ContainerState;
import dev.berth.engine.PortMapping;
import dev.berth.ui.badge.Badge;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The containers table with its lifecycle toolbar. */
public final class ContainersView implements View {

    private final ContainersViewModel model;
    private final BorderPane root = new BorderPane();
    private final TableView<ContainerRow> table = new TableView<>();

    public ContainersView(AppServices services) {
        this.model = new ContainersViewModel(services);
        build(services);
        model.attach();
    }

    private void build(AppServices services) {
        table.setId("containers-table");
        table.setItems(model.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(placeholder());
        table.getColumns().setAll(List.of(nameColumn(), imageColumn(), stateColumn(), statusColumn(),
                portsColumn(), createdColumn()));
        table.getSortOrder().add(table.getColumns().get(0));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && !selected().isEmpty()) {
                confirmAndRemove();
            }
        });

        BooleanBinding noSelection = Bindings.isEmpty(table.getSelectionModel().getSelectedItems());
        Button start = action("Start", Material2MZ.PLAY_ARROW, () -> model.start(selected()));
        Button stop = action("Stop", Material2MZ.STOP, () -> model.stop(selected()));
        Button restart = action("Restart", Material2MZ.REFRESH, () -> model.restart(selected()));
        Button remove = action("Remove", Material2AL.DELETE, this::confirmAndRemove);
        remove.getStyleClass().add(Css.DANGER);
        for (Button b : List.of(start, stop, restart, remove)) {
            b.disableProperty().bind(noSelection);
        }
        Label title = new Label("Containers");
        title.getStyleClass().add(Css.VIEW_TITLE);
        Label count = new Label();
        count.getStyleClass().add(Css.VIEW_SUBTITLE);
        count.textProperty().bind(Bindings.createStringBinding(() -> summary(model.rows()), model.rows()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(8, title, count, spacer, start, stop, restart, remove);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add(Css.VIEW_TOOLBAR);
        toolbar.setPadding(new Insets(12, 16, 12, 16));

        root.setTop(toolbar);
        root.setCenter(table);
        BorderPane.setMargin(table, new Insets(0, 16, 16, 16));
        root.getStyleClass().add("containers-view");
    }

    private static String summary(List<ContainerRow> rows) {
        long running = rows.stream().filter(r -> r.state() == ContainerState.RUNNING).count();
        return rows.size() + (rows.size() == 1 ? " container · " : " containers · ") + running + " running";
    }

    private static Node placeholder() {
        Label text = new Label("No containers yet.\nContainers you run with docker or Berth appear here.");
        text.getStyleClass().add(Css.PLACEHOLDER_TEXT);
        text.setWrapText(true);
        FontIcon icon = new FontIcon(Material2AL.INBOX);
        icon.getStyleClass().add(Css.PLACEHOLDER_ICON);
        VBox box = new VBox(8, icon, text);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private static Button action(String text, Ikon icon, Runnable onAction) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId("container-" + text.toLowerCase());
        button.setOnAction(e -> onAction.run());
        return button;
    }

    private List<ContainerRow> selected() {
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }

    private void confirmAndRemove() {
        List<ContainerRow> targets = selected();
        if (targets.isEmpty()) {
            return;
        }
        ContainersViewModel.RemovalQuestion question = ContainersViewModel.removalQuestion(targets);
        ButtonType removeButton = new ButtonType("Remove", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question.body(), removeButton, ButtonType.CANCEL);
        alert.setTitle("Remove containers");
        alert.setHeaderText(question.title());
        alert.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
        alert.getDialogPane().setId("confirm-remove");
        alert.getDialogPane().lookupButton(removeButton).getStyleClass().add("danger");
        alert.showAndWait().filter(removeButton::equals).ifPresent(b -> model.remove(targets));
    }

    private TableColumn<ContainerRow, String> nameColumn() {
        TableColumn<ContainerRow, String> column = new TableColumn<>("Name");
        column.setCellValueFactory(c -> c.getValue().nameProperty());
        column.setPrefWidth(180);
        return column;
    }

    private TableColumn<ContainerRow, String> imageColumn() {
        TableColumn<ContainerRow, String> column = new TableColumn<>("Image");
        column.setCellValueFactory(c -> c.getValue().imageProperty());
        column.setPrefWidth(180);
        return column;
    }

    private TableColumn<ContainerRow, ContainerState> stateColumn() {
        TableColumn<ContainerRow, ContainerState> column = new TableColumn<>("State");
        column.setCellValueFactory(c -> c.getValue().stateProperty());
        column.setCellFactory(c -> new TableCell<>() {
            private final Badge badge = new Badge();

            @Override
            protected void updateItem(ContainerState state, boolean empty) {
                super.updateItem(state, empty);
                if (empty || state == null) {
                    setGraphic(null);
                    return;
                }
                badge.setText(state.word());
                badge.setTone(StateBadges.tone(state));
                setGraphic(badge);
            }
        });
        column.setPrefWidth(100);
        return column;
    }

    private TableColumn<ContainerRow, String> statusColumn() {
        TableColumn<ContainerRow, String> column = new TableColumn<>("Status");
        column.setCellValueFactory(c -> c.getValue().statusProperty());
        column.setPrefWidth(160);
        return column;
    }

    private TableColumn<ContainerRow, List<PortMapping>> portsColumn() {
        TableColumn<ContainerRow, List<PortMapping>> column = new TableColumn<>("Ports");
        column.setCellValueFactory(c -> c.getValue().portsProperty());
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(List<PortMapping> ports, boolean empty) {
                super.updateItem(ports, empty);
                String text = empty || ports == null ? null
                        : ports.stream().map(PortMapping::toString).collect(Collectors.joining(", "));
                setText(text);
                setTooltip(text == null || text.isEmpty() ? null : new Tooltip(text));
            }
        });
        column.setSortable(false);
        column.setPrefWidth(170);
        return column;
    }

    private TableColumn<ContainerRow, Instant> createdColumn() {
        TableColumn<ContainerRow, Instant> column = new TableColumn<>("Created");
        column.setCellValueFactory(c -> c.getValue().createdProperty());
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant created, boolean empty) {
                super.updateItem(created, empty);
                setText(empty || created == null ? null : Formats.ago(created, Instant.now()));
            }
        });
        column.setPrefWidth(120);
        return column;
    }

    /** For tests: the table. */
    TableView<ContainerRow> table() {
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
