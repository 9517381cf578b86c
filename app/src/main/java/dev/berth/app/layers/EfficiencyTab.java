package dev.berth.app.layers;

import dev.berth.app.common.Formats;
import dev.berth.app.theme.Css;
import dev.berth.layers.Efficiency;
import dev.berth.layers.ImageAnalysis;
import dev.berth.layers.ImageStep;
import dev.berth.layers.LayerFiles;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * How much of the image nobody can see: the score, the bytes each layer writes and hides, and the
 * biggest wastes with the steps involved.
 */
final class EfficiencyTab {

    private final VBox root = new VBox(12);
    private final Label score = new Label("–");
    private final ProgressBar meter = new ProgressBar(0);
    private final Label summary = new Label("The score appears once the image has been read.");
    private final StackedBarChart<String, Number> chart = new StackedBarChart<>(new CategoryAxis(), new NumberAxis());
    private final TableView<Efficiency.Waste> wastes = new TableView<>();
    private ImageAnalysis shown;

    EfficiencyTab(LayerInspectorViewModel model) {
        score.setId("efficiency-score");
        score.getStyleClass().add(Css.EFFICIENCY_SCORE);
        score.setMinWidth(Region.USE_PREF_SIZE);
        meter.setPrefWidth(220);
        meter.getStyleClass().add(Css.EFFICIENCY_METER);
        summary.setId("efficiency-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.getStyleClass().add(Css.VIEW_SUBTITLE);
        VBox text = new VBox(4, summary, meter);
        HBox header = new HBox(16, score, text);
        HBox.setHgrow(text, Priority.ALWAYS);
        header.setAlignment(Pos.CENTER_LEFT);

        chart.setId("efficiency-chart");
        chart.setTitle("Bytes each layer writes: blue still visible, red hidden by later layers");
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setLegendSide(javafx.geometry.Side.TOP);
        chart.setPrefHeight(240);
        chart.setMinHeight(200);
        NumberAxis y = (NumberAxis) chart.getYAxis();
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return Formats.bytes(n.longValue());
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        chart.setCategoryGap(12);

        wastes.setId("efficiency-wastes");
        wastes.setPlaceholder(new Label("Nothing wasted: no file is overwritten or deleted by a later layer."));
        wastes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Efficiency.Waste, Efficiency.Waste> wasted = TextColumns.of("Wasted", 90, w -> Formats.bytes(w.wastedBytes()));
        wasted.setStyle("-fx-alignment: center-right;");
        wastes.getColumns().setAll(List.of(TextColumns.of("Path", 340, Efficiency.Waste::path), wasted,
                TextColumns.of("What happened", 320, w -> story(model, w))));
        VBox.setVgrow(wastes, Priority.ALWAYS);
        Label biggest = new Label("Biggest wastes");
        biggest.getStyleClass().add(Css.SECTION_TITLE);

        root.getChildren().addAll(header, chart, biggest, wastes);
        root.setPadding(new Insets(4, 0, 0, 0));
        model.analysisProperty().addListener((obs, old, a) -> show(a));
        show(model.analysisProperty().get());
    }

    Node node() {
        return root;
    }

    private void show(ImageAnalysis a) {
        if (a == null || a == shown) {
            return;
        }
        shown = a;
        Efficiency e = a.efficiency();
        score.setText(Math.round(e.score() * 1000) / 10.0 + " %");
        meter.setProgress(e.score());
        summary.setText(Formats.bytes(e.wastedBytes()) + " of " + Formats.bytes(e.totalBytes())
                + " written are hidden by later layers (" + String.format("%,d", e.wastedPaths())
                + (e.wastedPaths() == 1 ? " path" : " paths") + "). Overwritten copies and deleted files still take"
                + " space in the image; the copy that stays does not count as waste.");
        XYChart.Series<String, Number> kept = new XYChart.Series<>();
        kept.setName("Still visible");
        XYChart.Series<String, Number> hidden = new XYChart.Series<>();
        hidden.setName("Hidden later");
        List<XYChart.Data<String, Number>> keptData = new ArrayList<>();
        List<XYChart.Data<String, Number>> hiddenData = new ArrayList<>();
        for (int i = 0; i < a.stack().size(); i++) {
            LayerFiles layer = a.layer(i);
            ImageStep step = a.stepOfLayer(i);
            String name = step == null ? "layer " + (i + 1) : "step " + step.number();
            long written = layer.contentBytes();
            long lost = Math.min(written, e.hiddenPerLayer().get(i));
            keptData.add(new XYChart.Data<>(name, written - lost));
            hiddenData.add(new XYChart.Data<>(name, lost));
        }
        kept.getData().setAll(keptData);
        hidden.getData().setAll(hiddenData);
        chart.getData().setAll(List.of(kept, hidden));
        wastes.getItems().setAll(e.wastes());
    }

    /** "Written by steps 3, 5; deleted by step 7". */
    private static String story(LayerInspectorViewModel model, Efficiency.Waste w) {
        ImageAnalysis a = model.analysisProperty().get();
        List<String> writers = new ArrayList<>();
        List<Integer> layers = w.layers();
        int last = w.removed() ? layers.size() - 1 : layers.size();
        for (int i = 0; i < last; i++) {
            writers.add(stepName(a, layers.get(i)));
        }
        String text = (w.copies() > 1 ? "Written " + w.copies() + " times, by " : "Written by ") + String.join(", ", writers);
        if (w.removed()) {
            text += "; deleted by " + stepName(a, layers.get(layers.size() - 1));
        }
        return text;
    }

    private static String stepName(ImageAnalysis a, int layer) {
        ImageStep step = a == null ? null : a.stepOfLayer(layer);
        return step == null ? "layer " + (layer + 1) : "step " + step.number();
    }
}
