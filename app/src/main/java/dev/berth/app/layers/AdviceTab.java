package dev.berth.app.layers;

import dev.berth.app.theme.Css;
import dev.berth.layers.Advice;
import dev.berth.ui.badge.Badge;
import java.io.File;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** Short advice for people learning to write Dockerfiles, each with the lines it is about. */
final class AdviceTab {

    private final VBox root = new VBox(10);
    private final VBox cards = new VBox(10);

    AdviceTab(LayerInspectorViewModel model) {
        Label source = new Label();
        source.setId("advice-source");
        source.getStyleClass().add(Css.VIEW_SUBTITLE);
        source.setWrapText(true);
        var dockerfile = model.advice().dockerfileProperty();
        source.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> dockerfile.get() == null
                ? "From the image's history (steps are numbered). Open its Dockerfile to see line numbers."
                : "Lines refer to " + dockerfile.get(), dockerfile));
        Button open = new Button("Use a Dockerfile…", new FontIcon(Material2AL.DESCRIPTION));
        open.setId("advice-open-dockerfile");
        open.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Dockerfile of this image");
            File file = chooser.showOpenDialog(root.getScene().getWindow());
            if (file != null) {
                model.advice().useDockerfile(file.toPath());
            }
        });
        HBox bar = new HBox(10, open, source);
        bar.setAlignment(Pos.CENTER_LEFT);
        cards.setId("advice-cards");
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        root.getChildren().addAll(bar, scroll);
        root.setPadding(new Insets(4, 0, 0, 0));
        model.advice().items().addListener((ListChangeListener<Advice>) c -> fill(model));
        model.analysisProperty().addListener((obs, old, a) -> fill(model));
        fill(model);
    }

    Node node() {
        return root;
    }

    private void fill(LayerInspectorViewModel model) {
        cards.getChildren().clear();
        if (model.advice().items().isEmpty()) {
            Label none = new Label(model.analysisProperty().get() == null ? "Advice appears once the image has been read."
                    : "No advice: layers are not wasting space and the steps are in a cache-friendly order.");
            none.getStyleClass().add(Css.PLACEHOLDER_TEXT);
            none.setWrapText(true);
            cards.getChildren().add(none);
            return;
        }
        for (Advice advice : model.advice().items()) {
            Label title = new Label(advice.title(), new FontIcon(advice.bytes() > 0
                    ? Material2OutlinedAL.DELETE_SWEEP : Material2OutlinedAL.LIGHTBULB));
            title.getStyleClass().add(Css.ADVICE_TITLE);
            FlowPane where = new FlowPane(6, 4);
            for (String w : advice.where()) {
                where.getChildren().add(new Badge(w, Badge.Tone.ACCENT));
            }
            Label detail = new Label(advice.detail());
            detail.setWrapText(true);
            detail.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            VBox card = new VBox(6, title, where, detail);
            card.getStyleClass().add(Css.ADVICE_CARD);
            card.setPadding(new Insets(10, 12, 10, 12));
            cards.getChildren().add(card);
        }
    }
}
