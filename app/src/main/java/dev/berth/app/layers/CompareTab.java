package dev.berth.app.layers;

import dev.berth.app.common.Formats;
import dev.berth.app.theme.Css;
import dev.berth.layers.ImageComparison;
import dev.berth.layers.ImageStep;
import dev.berth.ui.filetree.FileTreeView;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * This image against another: the layers both start with (what a rebuild took from the cache and
 * a pull would not fetch again), the step where they part, and the files that differ there.
 */
final class CompareTab {

    private final VBox root = new VBox(10);
    private final LocalImagePicker other;
    private final Label status = new Label();
    private final Label headline = new Label();
    private final GridPane layers = new GridPane();

    CompareTab(LayerInspectorViewModel model) {
        other = new LocalImagePicker(model, "compare-other", "Another image, e.g. my-app:1.0", 320);
        Button compare = new Button("Compare", new FontIcon(Material2AL.COMPARE_ARROWS));
        compare.setId("compare-run");
        compare.setDefaultButton(true);
        compare.setOnAction(e -> model.comparison().compareWith(other.reference()));
        compare.disableProperty().bind(model.analysisProperty().isNull());
        status.setId("compare-status");
        status.getStyleClass().add(Css.VIEW_SUBTITLE);
        status.textProperty().bind(model.comparison().statusProperty());
        HBox bar = new HBox(8, new Label("Compare with"), other.node(), compare, status);
        bar.setAlignment(Pos.CENTER_LEFT);

        headline.setId("compare-headline");
        headline.setWrapText(true);
        headline.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        headline.getStyleClass().add(Css.SECTION_TITLE);
        layers.setId("compare-layers");
        layers.setHgap(14);
        layers.setVgap(3);
        layers.getStyleClass().add(Css.COMPARE_LAYERS);

        FileTreeView diff = new FileTreeView();
        diff.setId("compare-file-tree");
        diff.setSizeFormat(Formats::bytes);
        diff.setOnlyChanges(true);
        diff.setPlaceholderText("No file differs at the diverging layer");
        diff.modelProperty().bind(model.comparison().treeProperty());
        VBox.setVgrow(diff, Priority.ALWAYS);
        Label filesTitle = new Label("Files at the first diverging layer (this image → the other)");
        filesTitle.getStyleClass().add(Css.SECTION_TITLE);

        root.getChildren().addAll(bar, headline, layers, filesTitle, diff);
        root.setPadding(new Insets(4, 0, 0, 0));
        model.comparison().resultProperty().addListener((obs, old, c) -> show(model, c));
        show(model, null);
    }

    Node node() {
        return root;
    }

    /** Preselects an image to compare with. */
    void setOther(String reference) {
        other.set(reference);
    }

    private void show(LayerInspectorViewModel model, ImageComparison c) {
        layers.getChildren().clear();
        if (c == null) {
            headline.setText("Choose another image (for example the previous version of this one) to see which"
                    + " layers they share and where they part.");
            return;
        }
        String otherName = c.right().image().displayName();
        if (c.sameLayers()) {
            headline.setText("Both images have exactly the same " + c.sharedLayers() + " layers ("
                    + Formats.bytes(c.sharedBytes()) + "); they can differ only in settings such as CMD or labels.");
        } else {
            headline.setText(c.sharedLayers() == 0
                    ? "The images share no layer: every layer of " + otherName + " is stored and pulled on its own."
                    : "They share the first " + c.sharedLayers() + (c.sharedLayers() == 1 ? " layer" : " layers") + " ("
                            + Formats.bytes(c.sharedBytes()) + "): a rebuild took " + (c.sharedLayers() == 1 ? "it" : "them")
                            + " from the cache, and pulling one after the other does not download "
                            + (c.sharedLayers() == 1 ? "it" : "them") + " again. They part at layer "
                            + (c.sharedLayers() + 1) + ".");
        }
        layers.addRow(0, header("Layer"), header(model.imageName()), header(otherName), header(""));
        int rows = Math.max(c.left().stack().size(), c.right().stack().size());
        for (int i = 0; i < rows; i++) {
            boolean shared = i < c.sharedLayers();
            Label mark = new Label(shared ? "shared" : (i == c.sharedLayers() ? "diverges" : ""));
            mark.getStyleClass().add(shared ? Css.COMPARE_SHARED : Css.COMPARE_DIVERGES);
            layers.addRow(i + 1, new Label(String.valueOf(i + 1)), stepLabel(c.left().stepOfLayer(i), i < c.left().stack().size()),
                    stepLabel(c.right().stepOfLayer(i), i < c.right().stack().size()), mark);
        }
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Css.COMPARE_HEADER);
        return label;
    }

    private static Label stepLabel(ImageStep step, boolean exists) {
        List<String> parts = new ArrayList<>();
        if (!exists) {
            parts.add("—");
        } else if (step == null) {
            parts.add("(no history)");
        } else {
            String text = step.instruction().textWithoutContentHashes().replaceAll("\\s+", " ");
            parts.add(text.length() > 60 ? text.substring(0, 57) + "…" : text);
        }
        Label label = new Label(String.join(" ", parts));
        label.getStyleClass().add(Css.MONOSPACE);
        return label;
    }
}
