package dev.berth.app.images;

import dev.berth.app.common.AppServices;
import dev.berth.engine.ImageSummary;
import dev.berth.engine.build.Dockerfile;
import dev.berth.ui.codeeditor.CodeEditor;
import java.io.IOException;
import java.nio.file.Path;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
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
    private final TableView<StepRow> stepsTable;
    private final BuildLog log;
    private final Label problem = new Label();
    private final Timeline clock;

    private BuildWindow(AppServices services) {
        this.services = services;
        this.model = new BuildViewModel(services);
        this.stepsTable = BuildStepTable.create(model.steps());
        this.log = new BuildLog(model);
        // Running steps' times keep counting between the engine's updates.
        this.clock = new Timeline(new KeyFrame(Duration.millis(500), e -> stepsTable.refresh()));
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
        root.setTop(BuildForm.create(model, services.engine().builds().supportsBuildKit(), stage, this::reload));
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
        stepsTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> showStep(row));
        SplitPane split = new SplitPane(stepsTable, log.node());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        return split;
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
        log.showStep(row);
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
