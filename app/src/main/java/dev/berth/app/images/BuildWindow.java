package dev.berth.app.images;

import dev.berth.app.common.AppServices;
import dev.berth.app.theme.Css;
import dev.berth.engine.ImageSummary;
import dev.berth.engine.build.Builder;
import dev.berth.engine.build.Dockerfile;
import dev.berth.ui.badge.Badge;
import dev.berth.ui.codeeditor.CodeEditor;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Build an image: the form (context, Dockerfile, tags, build args, target, no-cache, builder),
 * the Dockerfile in an editor with its problems marked before anything is sent, and the build
 * as step rows with cache badges beside the live log. Selecting a step shows its Dockerfile line
 * and its output. After a build: inspect layers, run.
 */
public final class BuildWindow {

    private final AppServices services;
    private final BuildViewModel model;
    private final Stage stage = new Stage();
    private final CodeEditor editor = new CodeEditor();
    private final TableView<StepRow> stepsTable = new TableView<>();
    private final ListView<BuildViewModel.LogLine> logView = new ListView<>();
    private final Label problem = new Label();
    private final Timeline clock = new Timeline(new KeyFrame(Duration.millis(500), e -> stepsTable.refresh()));

    private BuildWindow(AppServices services) {
        this.services = services;
        this.model = new BuildViewModel(services);
    }

    /** Opens the build window, on a context folder if one is given. */
    public static BuildWindow open(AppServices services, Window owner, Path contextDir) {
        BuildWindow window = new BuildWindow(services);
        window.show(owner, contextDir);
        return window;
    }

    public BuildViewModel model() {
        return model;
    }

    public Stage stage() {
        return stage;
    }

    public CodeEditor editor() {
        return editor;
    }

    TableView<StepRow> stepsTable() {
        return stepsTable;
    }

    private void show(Window owner, Path contextDir) {
        BorderPane root = new BorderPane();
        root.getStyleClass().add("build-window");
        root.setTop(form());
        SplitPane center = new SplitPane(editorPane(), resultPane());
        center.setDividerPositions(0.42);
        root.setCenter(center);
        BorderPane.setMargin(center, new Insets(0, 12, 0, 12));
        root.setBottom(actions());
        Scene scene = new Scene(root, 1240, 800);
        ChildWindows.styleLike(stage, scene, owner);
        stage.setTitle("Build an image");
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            clock.stop();
            model.close();
        });
        clock.setCycleCount(Timeline.INDEFINITE);
        model.stateProperty().addListener((obs, old, state) -> {
            if (state == BuildViewModel.State.RUNNING) {
                clock.play();
            } else {
                clock.stop();
                stepsTable.refresh();
            }
        });
        if (contextDir != null) {
            model.contextDirProperty().set(contextDir.toString());
            reload();
        }
        stage.show();
    }

    private GridPane form() {
        TextField context = new TextField();
        context.setId("build-context");
        context.setPromptText("Folder to build from");
        context.textProperty().bindBidirectional(model.contextDirProperty());
        Button chooseContext = new Button("Browse…");
        chooseContext.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Build context");
            File dir = chooser.showDialog(stage);
            if (dir != null) {
                model.contextDirProperty().set(dir.getAbsolutePath());
                reload();
            }
        });
        context.setOnAction(e -> reload());
        TextField dockerfile = new TextField();
        dockerfile.setId("build-dockerfile");
        dockerfile.setPromptText("Dockerfile in the context folder");
        dockerfile.textProperty().bindBidirectional(model.dockerfilePathProperty());
        dockerfile.setOnAction(e -> reload());
        Button chooseDockerfile = new Button("Browse…");
        chooseDockerfile.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Dockerfile");
            File file = chooser.showOpenDialog(stage);
            if (file != null) {
                model.dockerfilePathProperty().set(file.getAbsolutePath());
                reload();
            }
        });
        TextField tags = new TextField();
        tags.setId("build-tags");
        tags.setPromptText("app:latest, registry.example.com/team/app:1.0");
        tags.textProperty().bindBidirectional(model.tagsProperty());
        TextArea args = new TextArea();
        args.setId("build-args");
        args.setPromptText("NAME=value, one per line");
        args.setPrefRowCount(1);
        args.textProperty().bindBidirectional(model.buildArgsProperty());
        ComboBox<String> target = new ComboBox<>();
        target.setId("build-target");
        target.setEditable(true);
        target.setPromptText("last stage");
        target.getEditor().textProperty().bindBidirectional(model.targetProperty());
        model.parsedProperty().addListener((obs, old, file) -> target.getItems().setAll(
                file.stages().stream().map(Dockerfile.Stage::name).filter(n -> n != null).toList()));
        CheckBox noCache = new CheckBox("No cache");
        noCache.setId("build-no-cache");
        noCache.selectedProperty().bindBidirectional(model.noCacheProperty());
        ChoiceBox<Builder> builder = new ChoiceBox<>(FXCollections.observableArrayList(Builder.values()));
        builder.setId("build-builder");
        builder.setConverter(new StringConverter<>() {
            @Override
            public String toString(Builder b) {
                return b == null ? "" : b.title();
            }

            @Override
            public Builder fromString(String s) {
                return null;
            }
        });
        builder.valueProperty().bindBidirectional(model.builderProperty());
        if (!services.engine().builds().supportsBuildKit()) {
            builder.setTooltip(new Tooltip("This engine has no BuildKit through its API"));
        }
        HBox options = new HBox(12, new Label("Target"), target, noCache, new Label("Builder"), builder);
        options.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(12));
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields, new ColumnConstraints());
        grid.addRow(0, new Label("Context"), context, chooseContext);
        grid.addRow(1, new Label("Dockerfile"), dockerfile, chooseDockerfile);
        grid.addRow(2, new Label("Tags"), tags);
        grid.addRow(3, new Label("Build args"), args);
        grid.add(options, 1, 4, 2, 1);
        return grid;
    }

    private VBox editorPane() {
        editor.setId("dockerfile-editor");
        editor.setHighlighter(new DockerfileHighlighter());
        editor.textProperty().addListener((obs, old, text) -> model.dockerfileTextProperty().set(text));
        model.parsedProperty().addListener((obs, old, file) -> markProblems(file));
        Label title = new Label("Dockerfile");
        title.getStyleClass().add("section-title");
        Label problems = new Label();
        problems.setId("dockerfile-problems");
        problems.getStyleClass().add("form-problem");
        problems.setWrapText(true);
        problems.textProperty().bind(Bindings.createStringBinding(() -> model.parsedProperty().get().firstProblem()
                .map(p -> "Line " + p.line() + ": " + p.message()).orElse(""), model.parsedProperty()));
        Button save = new Button("Save", new FontIcon(Material2MZ.SAVE));
        save.setId("dockerfile-save");
        save.setOnAction(e -> {
            try {
                model.saveDockerfile();
                services.notifier().info("Saved " + model.dockerfile());
            } catch (IOException ex) {
                services.notifier().error("Could not save the Dockerfile", ex);
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, save);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(editor, Priority.ALWAYS);
        VBox box = new VBox(6, header, editor, problems);
        box.setPadding(new Insets(0, 8, 0, 0));
        return box;
    }

    private void markProblems(Dockerfile file) {
        editor.clearMarks(CodeEditor.Mark.ERROR);
        for (Dockerfile.Problem p : file.problems()) {
            editor.markLine(p.line(), CodeEditor.Mark.ERROR, p.message());
        }
    }

    private SplitPane resultPane() {
        stepsTable.setId("build-steps");
        stepsTable.setItems(model.steps());
        stepsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label none = new Label("Steps appear here as the build runs.");
        none.getStyleClass().add(Css.PLACEHOLDER_TEXT);
        stepsTable.setPlaceholder(none);
        TableColumn<StepRow, StepRow> status = new TableColumn<>("Cache");
        status.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        status.setCellFactory(c -> new TableCell<>() {
            private final Badge badge = new Badge();

            @Override
            protected void updateItem(StepRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                String word = row.status();
                badge.setText(word);
                badge.setTone(switch (word) {
                    case "cached" -> Badge.Tone.SUCCESS;
                    case "failed" -> Badge.Tone.DANGER;
                    case "running" -> Badge.Tone.ACCENT;
                    case "built" -> Badge.Tone.WARNING;
                    default -> Badge.Tone.NEUTRAL;
                });
                setGraphic(badge);
            }
        });
        status.setPrefWidth(80);
        status.setSortable(false);
        TableColumn<StepRow, String> step = new TableColumn<>("Step");
        step.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(c.getValue().step().title()));
        step.setPrefWidth(380);
        step.setSortable(false);
        TableColumn<StepRow, StepRow> time = new TableColumn<>("Time");
        time.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        time.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(StepRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.durationText(Instant.now()));
            }
        });
        time.setPrefWidth(70);
        time.setSortable(false);
        TableColumn<StepRow, String> layer = new TableColumn<>("Result");
        layer.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(resultText(c.getValue())));
        layer.getStyleClass().add(Css.MONOSPACE);
        layer.setSortable(false);
        stepsTable.getColumns().setAll(java.util.List.of(status, step, time, layer));
        stepsTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(StepRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("failed"), !empty && row != null
                        && row.step().failed());
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("internal"), !empty && row != null
                        && !row.step().isDockerfileStep());
                setTooltip(!empty && row != null && row.step().error() != null ? new Tooltip(row.step().error()) : null);
            }
        });
        stepsTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> showStep(row));

        logView.setId("build-log");
        logView.setItems(model.log());
        logView.getStyleClass().add("build-log");
        logView.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(BuildViewModel.LogLine line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty || line == null ? null : line.text());
                getStyleClass().remove("log-error");
                if (!empty && line != null && line.text().startsWith("ERROR: ")) {
                    getStyleClass().add("log-error");
                }
            }
        });
        model.log().addListener((ListChangeListener<BuildViewModel.LogLine>) change -> {
            if (!model.log().isEmpty() && model.stateProperty().get() == BuildViewModel.State.RUNNING) {
                logView.scrollTo(model.log().size() - 1);
            }
        });
        SplitPane split = new SplitPane(stepsTable, logView);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        return split;
    }

    private static String resultText(StepRow row) {
        if (row.step().error() != null) {
            return row.step().error();
        }
        if (row.step().producedId() != null) {
            return row.step().producedId();
        }
        return "";
    }

    /** Puts the editor on the step's line and scrolls the log to the step's first output. */
    private void showStep(StepRow row) {
        editor.clearMarks(CodeEditor.Mark.CURRENT);
        if (row == null) {
            return;
        }
        if (row.line() > 0) {
            editor.markLine(row.line(), CodeEditor.Mark.CURRENT, null);
            editor.revealLine(row.line());
        }
        for (int i = 0; i < model.log().size(); i++) {
            if (row.step().key().equals(model.log().get(i).stepKey())) {
                logView.scrollTo(i);
                logView.getSelectionModel().select(i);
                break;
            }
        }
    }

    private VBox actions() {
        problem.setId("build-problem");
        problem.getStyleClass().add("form-problem");
        problem.setWrapText(true);
        Label status = new Label();
        status.setId("build-status");
        status.textProperty().bind(Bindings.createStringBinding(this::statusText, model.stateProperty(),
                model.steps(), model.errorProperty()));
        Button inspect = new Button("Inspect layers", new FontIcon(Material2AL.LAYERS));
        inspect.setId("build-inspect-layers");
        inspect.setOnAction(e -> LayerInspection.open(services, model.imageIdProperty().get()));
        Button run = new Button("Run", new FontIcon(Material2MZ.PLAY_ARROW));
        run.setId("build-run");
        run.setOnAction(e -> model.runBuiltImage(name -> services.notifier().info("Started container " + name)));
        for (Button b : java.util.List.of(inspect, run)) {
            b.visibleProperty().bind(model.stateProperty().isEqualTo(BuildViewModel.State.SUCCEEDED));
            b.managedProperty().bind(b.visibleProperty());
        }
        if (!LayerInspection.available()) {
            inspect.visibleProperty().unbind();
            inspect.setVisible(false);
        }
        Button cancel = new Button("Cancel", new FontIcon(Material2MZ.STOP));
        cancel.setId("build-cancel");
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.stateProperty().isNotEqualTo(BuildViewModel.State.RUNNING));
        Button build = new Button("Build", new FontIcon(Material2AL.BUILD));
        build.setId("build-start");
        build.getStyleClass().add("accent");
        build.setDefaultButton(true);
        build.setOnAction(e -> start());
        build.disableProperty().bind(model.stateProperty().isEqualTo(BuildViewModel.State.RUNNING));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(8, status, spacer, inspect, run, cancel, build);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, problem, row);
        box.setPadding(new Insets(10, 12, 12, 12));
        return box;
    }

    private String statusText() {
        long dockerfileSteps = model.steps().stream().filter(r -> r.step().isDockerfileStep()).count();
        long cached = model.steps().stream().filter(r -> r.step().cached() && r.step().isDockerfileStep()).count();
        return switch (model.stateProperty().get()) {
            case IDLE -> "";
            case RUNNING -> "Building… " + cached + " of " + dockerfileSteps + " steps from the cache so far";
            case SUCCEEDED -> "Built " + ImageSummary.shortId(model.imageIdProperty().get()) + " · " + cached + " of "
                    + dockerfileSteps + " steps from the cache";
            case FAILED -> "Build failed";
            case CANCELLED -> "Build cancelled";
        };
    }

    /** Starts a build; a problem with the form or the Dockerfile is shown instead. */
    public void start() {
        String why = model.build();
        problem.setText(why == null ? "" : why);
        if (why == null) {
            editor.clearMarks(CodeEditor.Mark.CURRENT);
        }
    }

    private void reload() {
        String why = model.loadDockerfile();
        problem.setText(why == null ? "" : why);
        if (why == null) {
            editor.setText(model.dockerfileTextProperty().get());
            markProblems(model.parsedProperty().get());
        }
    }
}
