package dev.berth.app.images;

import dev.berth.engine.build.Builder;
import dev.berth.engine.build.Dockerfile;
import java.io.File;
import java.util.function.Function;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The build form: context and Dockerfile (each with a picker), tags, build args, target stage, no-cache, builder. */
final class BuildForm {

    private BuildForm() {
    }

    /**
     * @param owner  the window the pickers open over
     * @param reload reads the Dockerfile again once the context or Dockerfile changes
     */
    static GridPane create(BuildViewModel model, boolean buildKit, Window owner, Runnable reload) {
        TextField context = new TextField();
        context.setId("build-context");
        context.setPromptText("Folder to build from");
        context.textProperty().bindBidirectional(model.contextDirProperty());
        Button chooseContext = browse(w -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Build context");
            return chooser.showDialog(w);
        }, owner, model.contextDirProperty(), reload);
        context.setOnAction(e -> reload.run());
        TextField dockerfile = new TextField();
        dockerfile.setId("build-dockerfile");
        dockerfile.setPromptText("Dockerfile in the context folder");
        dockerfile.textProperty().bindBidirectional(model.dockerfilePathProperty());
        dockerfile.setOnAction(e -> reload.run());
        Button chooseDockerfile = browse(w -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Dockerfile");
            return chooser.showOpenDialog(w);
        }, owner, model.dockerfilePathProperty(), reload);
        TextField tags = new TextField();
        tags.setId("build-tags");
        tags.setPromptText("app:latest, registry.example.com/team/app:1.0");
        tags.textProperty().bindBidirectional(model.tagsProperty());
        TextArea args = new TextArea();
        args.setId("build-args");
        args.setPromptText("NAME=value, one per line");
        args.setPrefRowCount(1);
        args.textProperty().bindBidirectional(model.buildArgsProperty());

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
        grid.add(options(model, buildKit), 1, 4, 2, 1);
        return grid;
    }

    /** A "Browse…" button that puts the chosen path in {@code target} and reloads. */
    private static Button browse(Function<Window, File> choose, Window owner, StringProperty target, Runnable reload) {
        Button button = new Button("Browse…");
        button.setOnAction(e -> {
            File chosen = choose.apply(owner);
            if (chosen != null) {
                target.set(chosen.getAbsolutePath());
                reload.run();
            }
        });
        return button;
    }

    private static HBox options(BuildViewModel model, boolean buildKit) {
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
        if (!buildKit) {
            builder.setTooltip(new Tooltip("This engine has no BuildKit through its API"));
        }
        HBox options = new HBox(12, new Label("Target"), target, noCache, new Label("Builder"), builder);
        options.setAlignment(Pos.CENTER_LEFT);
        return options;
    }
}
