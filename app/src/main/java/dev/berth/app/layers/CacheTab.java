package dev.berth.app.layers;

import dev.berth.app.theme.Css;
import dev.berth.layers.CacheExplanation;
import dev.berth.app.common.Formats;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Why the build of this image missed the cache, against the image it could have reused. */
final class CacheTab {

    private final VBox root = new VBox(10);
    private final LocalImagePicker previous;
    private final TextField dockerfile = new TextField();
    private final TextField context = new TextField();
    private final Label verdict = new Label();
    private final Label where = new Label();
    private final VBox details = new VBox(3);
    private final TableView<CacheExplanation.ContextFileChange> files = new TableView<>();
    private final VBox card = new VBox(8);

    CacheTab(LayerInspectorViewModel model) {
        previous = new LocalImagePicker(model, "cache-previous", "The previous build, e.g. my-app:1.0", 300);
        dockerfile.setId("cache-dockerfile");
        dockerfile.setPromptText("Dockerfile (optional: names lines)");
        HBox.setHgrow(dockerfile, Priority.ALWAYS);
        context.setId("cache-context");
        context.setPromptText("Build context folder (optional: lists changed files)");
        HBox.setHgrow(context, Priority.ALWAYS);
        Button pickDockerfile = new Button(null, new FontIcon(Material2AL.FOLDER_OPEN));
        pickDockerfile.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Dockerfile");
            File file = chooser.showOpenDialog(root.getScene().getWindow());
            if (file != null) {
                dockerfile.setText(file.getPath());
                if (context.getText().isBlank()) {
                    context.setText(file.getParent());
                }
            }
        });
        Button pickContext = new Button(null, new FontIcon(Material2AL.FOLDER_OPEN));
        pickContext.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Build context");
            File dir = chooser.showDialog(root.getScene().getWindow());
            if (dir != null) {
                context.setText(dir.getPath());
            }
        });
        Button explain = new Button("Explain", new FontIcon(Material2MZ.PSYCHOLOGY));
        explain.setId("cache-explain");
        explain.setDefaultButton(true);
        explain.disableProperty().bind(model.analysisProperty().isNull());
        explain.setOnAction(e -> model.cacheExplanation().explain(previous.reference(), path(dockerfile), path(context)));
        Label status = new Label();
        status.setId("cache-status");
        status.getStyleClass().add(Css.VIEW_SUBTITLE);
        status.textProperty().bind(model.cacheExplanation().statusProperty());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Previous image"), previous.node());
        form.addRow(1, new Label("Dockerfile"), new HBox(4, dockerfile, pickDockerfile));
        form.addRow(2, new Label("Context"), new HBox(4, context, pickContext));
        GridPane.setHgrow(dockerfile.getParent(), Priority.ALWAYS);
        HBox actions = new HBox(8, explain, status);
        actions.setAlignment(Pos.CENTER_LEFT);

        verdict.setId("cache-verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        verdict.getStyleClass().add(Css.CACHE_VERDICT);
        where.setId("cache-where");
        where.getStyleClass().add(Css.MONOSPACE);
        where.setWrapText(true);
        files.setId("cache-files");
        files.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        files.getColumns().setAll(List.of(
                TextColumns.of("File in the context", 240, CacheExplanation.ContextFileChange::contextPath),
                TextColumns.of("In the image", 220, CacheExplanation.ContextFileChange::imagePath),
                TextColumns.of("What changed", 160, f -> f.change().words()),
                TextColumns.of("Size before → now", 160, f -> size(f.sizeBefore()) + " → " + size(f.sizeNow()))));
        files.setPrefHeight(220);
        VBox.setVgrow(files, Priority.ALWAYS);
        card.getStyleClass().add(Css.CACHE_CARD);
        card.setPadding(new Insets(12));
        card.getChildren().addAll(verdict, where, details, files);
        VBox.setVgrow(card, Priority.ALWAYS);

        Label intro = new Label("After a build, pick the image it could have reused (its previous build): Berth finds"
                + " the first step that missed the cache and says why.");
        intro.setWrapText(true);
        intro.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        intro.getStyleClass().add(Css.VIEW_SUBTITLE);
        root.getChildren().addAll(intro, form, actions, card);
        root.setPadding(new Insets(4, 0, 0, 0));
        model.cacheExplanation().resultProperty().addListener((obs, old, why) -> show(why));
        show(null);
    }

    Node node() {
        return root;
    }

    /** Prefills the form, e.g. when a build view opens this tab. */
    void prefill(String previousReference, Path dockerfilePath, Path contextDir) {
        if (previousReference != null) {
            previous.set(previousReference);
        }
        if (dockerfilePath != null) {
            dockerfile.setText(dockerfilePath.toString());
        }
        if (contextDir != null) {
            context.setText(contextDir.toString());
        }
    }

    private void show(CacheExplanation why) {
        card.setVisible(why != null);
        card.setManaged(why != null);
        if (why == null) {
            return;
        }
        verdict.setText(why.summary());
        verdict.setGraphic(new FontIcon(why.verdict() == CacheExplanation.Verdict.ALL_CACHED
                ? Material2AL.CHECK_CIRCLE : Material2AL.INFO));
        where.setText(why.where());
        where.setVisible(!why.where().isEmpty());
        where.setManaged(!why.where().isEmpty());
        details.getChildren().clear();
        for (String line : why.details()) {
            Label label = new Label(line);
            label.setWrapText(true);
            label.getStyleClass().add(Css.MONOSPACE);
            details.getChildren().add(label);
        }
        files.getItems().setAll(why.files());
        files.setVisible(!why.files().isEmpty());
        files.setManaged(!why.files().isEmpty());
    }

    private static String size(long bytes) {
        return bytes < 0 ? "—" : Formats.bytes(bytes);
    }

    private static Path path(TextField field) {
        String text = field.getText();
        return text == null || text.isBlank() ? null : Path.of(text.strip());
    }
}
