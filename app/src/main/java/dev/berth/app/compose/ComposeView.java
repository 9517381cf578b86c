package dev.berth.app.compose;

import dev.berth.app.common.AppServices;
import dev.berth.app.common.EmptyState;
import dev.berth.app.common.ListPage;
import dev.berth.app.shell.View;
import dev.berth.app.theme.Css;
import dev.berth.ui.badge.Badge;
import java.io.File;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Compose page: the stacks on the engine and the files opened here, on the left; the chosen
 * stack's services, totals, merged logs and file on the right; up, down and restart above.
 */
public final class ComposeView implements View {

    private final ComposeViewModel model;
    private final BorderPane root = new BorderPane();
    private final ListView<StackRow> list = new ListView<>();
    private final StackDetails details;
    private final Button up = new Button("Up", new FontIcon(Material2MZ.PLAY_ARROW));
    private final Button down = new Button("Down", new FontIcon(Material2MZ.STOP));
    private final Button restart = new Button("Restart", new FontIcon(Material2MZ.REPLAY));
    private FileChooser chooser;
    /** A stack asked for before the list had it (the page was just opened), and until when to wait for it. */
    private String pendingReveal;
    private long pendingUntilNanos;

    public ComposeView(AppServices services) {
        this.model = new ComposeViewModel(services);
        this.details = new StackDetails(services, model, row -> list.getSelectionModel().select(row));
        build();
        model.attach();
    }

    private void build() {
        list.setId("stacks-list");
        list.setItems(model.stacks());
        list.setCellFactory(l -> new StackCell());
        list.setPlaceholder(EmptyState.of(Material2AL.LAYERS,
                "No stacks.\nOpen a compose file to bring one up.", model.connectedProperty()));
        list.setPrefWidth(260);
        MenuItem forget = new MenuItem("Remove from this list",
                new FontIcon(Material2AL.CLEAR));
        forget.setId("stack-forget");
        forget.setOnAction(e -> {
            if (selected() != null) {
                model.forget(selected());
            }
        });
        MenuItem reread = new MenuItem("Read the file again",
                new FontIcon(Material2MZ.REFRESH));
        reread.setOnAction(e -> {
            if (selected() != null) {
                model.read(selected(), row -> list.getSelectionModel().select(row));
            }
        });
        list.setContextMenu(new ContextMenu(reread, forget));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> details.show(now));
        // Open on a stack rather than on an empty page when there is one.
        model.stacks().addListener((ListChangeListener<StackRow>) change -> {
            if (pendingReveal != null && System.nanoTime() > pendingUntilNanos) {
                pendingReveal = null; // the stack never came: do not jump to it later
            }
            StackRow asked = pendingReveal == null ? null : model.stack(pendingReveal);
            if (asked != null) {
                pendingReveal = null;
                list.getSelectionModel().select(asked);
            } else if (list.getSelectionModel().isEmpty() && !model.stacks().isEmpty()) {
                list.getSelectionModel().selectFirst();
            }
        });

        Button open = new Button("Open compose file…", new FontIcon(Material2AL.FOLDER_OPEN));
        open.setId("compose-open");
        open.getStyleClass().add("accent");
        open.setOnAction(e -> choose());
        BooleanBinding idle = Bindings.not(model.busyProperty()).and(model.connectedProperty());
        // The row's own properties change in place, so the bindings also listen to the list's changes.
        BooleanBinding noFile = Bindings.createBooleanBinding(() -> selected() == null
                || selected().fileProperty().get() == null, list.getSelectionModel().selectedItemProperty(), model.stacks());
        BooleanBinding nothingUp = Bindings.createBooleanBinding(() -> selected() == null
                || selected().containersProperty().get().isEmpty(), list.getSelectionModel().selectedItemProperty(),
                model.stacks());
        // A file with errors cannot go up; edits not saved yet may have fixed them.
        BooleanBinding broken = Bindings.createBooleanBinding(() -> selected() != null
                && selected().composeProperty().get() == null && !details.fileEditor().dirtyProperty().get(),
                list.getSelectionModel().selectedItemProperty(), model.stacks(), details.fileEditor().dirtyProperty());
        up.setId("compose-up");
        up.disableProperty().bind(noFile.or(broken).or(Bindings.not(idle)));
        up.setOnAction(e -> up());
        down.setId("compose-down");
        down.getStyleClass().add(Css.DANGER);
        // Down stays offered while nothing runs: a failed down may have left networks or volumes.
        down.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull().or(Bindings.not(idle)));
        down.setOnAction(e -> takeDown());
        restart.setId("compose-restart");
        restart.disableProperty().bind(nothingUp.or(Bindings.not(idle)));
        restart.setOnAction(e -> model.restart(selected()));

        ProgressBar bar = new ProgressBar();
        bar.setId("compose-progress");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(model.progressProperty());
        Label step = new Label();
        step.setId("compose-step");
        step.textProperty().bind(model.progressTextProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("compose-cancel");
        cancel.setOnAction(e -> model.cancel());
        cancel.visibleProperty().bind(model.cancellableProperty());
        HBox working = new HBox(8, bar, step, cancel);
        working.setAlignment(Pos.CENTER_LEFT);
        working.visibleProperty().bind(model.busyProperty());

        SplitPane split = new SplitPane(list, details.node());
        split.setDividerPositions(0.24);
        SplitPane.setResizableWithParent(list, false);
        root.setTop(ListPage.top("Compose", "compose", Bindings.createStringBinding(this::summary, model.stacks()),
                new Node[] {open, up, down, restart}, working));
        root.setCenter(split);
        BorderPane.setMargin(split, new Insets(0, 16, 16, 16));
        root.getStyleClass().add("compose-view");
    }

    private String summary() {
        int all = model.stacks().size();
        long up = model.stacks().stream().filter(s -> s.running() > 0).count();
        return all + (all == 1 ? " stack" : " stacks") + " · " + up + " running";
    }

    private StackRow selected() {
        return list.getSelectionModel().getSelectedItem();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void choose() {
        if (chooser == null) {
            chooser = new FileChooser();
            chooser.setTitle("Open a compose file");
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter("Compose files", "*.yaml", "*.yml"),
                    new FileChooser.ExtensionFilter("All files", "*"));
        }
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            chooser.setInitialDirectory(file.getParentFile());
            open(file.toPath());
        }
    }

    /** Chooses a stack by project name, now or as soon as it is listed. */
    @Override
    public void reveal(String project) {
        StackRow row = model.stack(project);
        if (row != null) {
            list.getSelectionModel().select(row);
            list.scrollTo(row);
            return;
        }
        pendingReveal = project;
        pendingUntilNanos = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    }

    /** Reads a compose file and selects its stack. */
    public void open(Path file) {
        model.open(file, row -> list.getSelectionModel().select(row));
    }

    /** Up uses the file on disk: unsaved edits are saved first, after asking. */
    private void up() {
        StackRow row = selected();
        if (!details.fileEditor().dirtyProperty().get()) {
            model.up(row, () -> { });
        } else if (ComposeDialogs.confirmSaveBeforeUp(window(), row.fileProperty().get())) {
            details.fileEditor().save(saved -> model.up(saved, () -> { }));
        }
    }

    private void takeDown() {
        StackRow row = selected();
        model.planDown(row, plan -> ComposeDialogs.confirmDown(window(), plan).ifPresent(chosen ->
                model.down(chosen, () -> { })));
    }

    /** A stack in the list: its name, how much of it runs, and its file. */
    private static final class StackCell extends ListCell<StackRow> {
        private final Label name = new Label();
        private final Badge state = new Badge("", Badge.Tone.NEUTRAL);
        private final Label file = new Label();
        private final VBox box;

        StackCell() {
            name.getStyleClass().add("stack-name");
            file.getStyleClass().add(Css.VIEW_SUBTITLE);
            // Long names and paths are cut with an ellipsis instead of widening the list.
            name.setMinWidth(0);
            file.setMinWidth(0);
            HBox.setHgrow(file, Priority.ALWAYS);
            HBox bottom = new HBox(6, state, file);
            bottom.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(3, name, bottom);
            box.setMinWidth(0);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(StackRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            name.setText(row.project());
            state.setText(row.summary());
            state.setTone(row.running() > 0 ? Badge.Tone.SUCCESS : row.problemsProperty().get().isEmpty()
                    || row.composeProperty().get() != null ? Badge.Tone.NEUTRAL : Badge.Tone.DANGER);
            Path path = row.fileProperty().get();
            file.setText(path == null ? "no file" : path.toString());
            setTooltip(new Tooltip(row.project() + (path == null ? "" : "\n" + path)));
            setGraphic(box);
        }
    }

    /** For tests. */
    ComposeViewModel model() {
        return model;
    }

    ListView<StackRow> list() {
        return list;
    }

    StackDetails details() {
        return details;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void close() {
        model.close();
        details.close();
    }
}
