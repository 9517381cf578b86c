package dev.berth.app.layers;

import dev.berth.app.common.AppServices;
import dev.berth.app.common.Formats;
import dev.berth.app.theme.Css;
import dev.berth.engine.ImageSummary;
import dev.berth.layers.ImageAnalysis;
import dev.berth.layers.LayerInspector;
import dev.berth.ui.badge.Badge;
import java.nio.file.Path;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The layer inspector of one image: header, reading progress, warnings, and one tab per question. */
public final class LayerInspectorView implements AutoCloseable {

    /** The inspector's tabs, so other views can open it on the one they need. */
    public enum Page { LAYERS, EFFICIENCY, COMPARE, CACHE, ADVICE }

    private final LayerInspectorViewModel model;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final CompareTab compare;
    private final CacheTab cache;

    public LayerInspectorView(AppServices services, String reference) {
        model = new LayerInspectorViewModel(services, reference);
        LayersTab layers = new LayersTab(model);
        EfficiencyTab efficiency = new EfficiencyTab(model);
        compare = new CompareTab(model);
        cache = new CacheTab(model);
        AdviceTab advice = new AdviceTab(model);
        tabs.getTabs().setAll(
                tab("Layers", Material2AL.LAYERS, layers.node(), "tab-layers"),
                tab("Efficiency", Material2MZ.SPEED, efficiency.node(), "tab-efficiency"),
                tab("Compare", Material2AL.COMPARE_ARROWS, compare.node(), "tab-compare"),
                tab("Cache", Material2AL.CACHED, cache.node(), "tab-cache"),
                tab("Advice", Material2AL.LIGHTBULB, advice.node(), "tab-advice"));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("layer-tabs");
        VBox top = new VBox(8, header(), progress(), warnings());
        top.setPadding(new Insets(12, 16, 8, 16));
        root.setTop(top);
        root.setCenter(tabs);
        BorderPane.setMargin(tabs, new Insets(0, 16, 16, 16));
        root.getStyleClass().add(Css.LAYER_INSPECTOR);
        root.setId("layer-inspector");
        model.load();
    }

    private static Tab tab(String title, org.kordamp.ikonli.Ikon icon, javafx.scene.Node content, String id) {
        BorderPane box = new BorderPane(content);
        box.setPadding(new Insets(10, 0, 0, 0));
        Tab tab = new Tab(title, box);
        tab.setGraphic(new FontIcon(icon));
        tab.setId(id);
        return tab;
    }

    private HBox header() {
        Label title = new Label(model.imageName());
        title.setId("layer-image-name");
        title.getStyleClass().add(Css.VIEW_TITLE);
        Label facts = new Label();
        facts.setId("layer-image-facts");
        facts.getStyleClass().add(Css.VIEW_SUBTITLE);
        Badge score = new Badge("", Badge.Tone.NEUTRAL);
        score.setId("layer-efficiency-badge");
        score.setVisible(false);
        model.overviewProperty().addListener((obs, old, o) -> {
            title.setText(model.imageName());
            facts.setText(facts(o, model.analysisProperty().get()));
        });
        model.analysisProperty().addListener((obs, old, a) -> {
            facts.setText(facts(model.overviewProperty().get(), a));
            double value = a.efficiency().score();
            score.setText("efficiency " + Math.round(value * 1000) / 10.0 + " %");
            score.setTone(value >= 0.95 ? Badge.Tone.SUCCESS : value >= 0.8 ? Badge.Tone.WARNING : Badge.Tone.DANGER);
            score.setVisible(true);
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox box = new HBox(10, title, facts, spacer, score);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static String facts(LayerInspector.Overview o, ImageAnalysis a) {
        if (o == null) {
            return "";
        }
        long layers = o.steps().stream().filter(s -> !s.isEmpty()).count();
        String text = ImageSummary.shortId(o.image().id()) + " · " + o.steps().size() + " steps · " + layers
                + (layers == 1 ? " layer · " : " layers · ") + Formats.bytes(o.image().size());
        if (a != null) {
            int files = 0;
            for (int i = 0; i < a.stack().size(); i++) {
                files += a.layer(i).entries().size();
            }
            text += " · " + String.format("%,d", files) + " entries";
        }
        return text;
    }

    private HBox progress() {
        ProgressBar bar = new ProgressBar();
        bar.setId("layer-progress");
        bar.setPrefWidth(260);
        bar.progressProperty().bind(model.progressProperty());
        Label status = new Label();
        status.setId("layer-status");
        status.textProperty().bind(model.statusProperty());
        status.setWrapText(true);
        Button cancel = new Button("Stop", new FontIcon(Material2MZ.STOP));
        cancel.setId("layer-cancel");
        cancel.setOnAction(e -> model.cancel());
        HBox box = new HBox(10, bar, status, cancel);
        box.setAlignment(Pos.CENTER_LEFT);
        Runnable update = () -> {
            LayerInspectorViewModel.Phase phase = model.phaseProperty().get();
            boolean busy = phase == LayerInspectorViewModel.Phase.LOADING || phase == LayerInspectorViewModel.Phase.READING;
            bar.setVisible(busy);
            bar.setManaged(busy);
            cancel.setVisible(phase == LayerInspectorViewModel.Phase.READING);
            cancel.setManaged(cancel.isVisible());
            boolean show = busy || !model.statusProperty().get().isEmpty();
            box.setVisible(show);
            box.setManaged(show);
            status.getStyleClass().remove(Css.DANGER_TEXT);
            if (phase == LayerInspectorViewModel.Phase.FAILED) {
                status.getStyleClass().add(Css.DANGER_TEXT);
            }
        };
        model.phaseProperty().addListener((obs, old, now) -> update.run());
        model.statusProperty().addListener((obs, old, now) -> update.run());
        update.run();
        return box;
    }

    private VBox warnings() {
        VBox box = new VBox(2);
        box.setId("layer-warnings");
        box.getStyleClass().add(Css.LAYER_WARNINGS);
        box.setPadding(new Insets(8, 12, 8, 12));
        Runnable fill = () -> {
            box.getChildren().clear();
            int shown = 0;
            for (String w : model.warnings()) {
                if (shown++ == 6) {
                    box.getChildren().add(new Label("… and " + (model.warnings().size() - 6) + " more"));
                    break;
                }
                Label label = new Label(w, new FontIcon(Material2MZ.WARNING));
                label.setWrapText(true);
                box.getChildren().add(label);
            }
            box.setVisible(!model.warnings().isEmpty());
            box.setManaged(!model.warnings().isEmpty());
        };
        model.warnings().addListener((ListChangeListener<String>) c -> fill.run());
        fill.run();
        return box;
    }

    /** Opens a tab. */
    public void show(Page page) {
        tabs.getSelectionModel().select(page.ordinal());
    }

    /** Opens the comparison with {@code other} (compared once this image has been read). */
    public void compareWith(String other) {
        show(Page.COMPARE);
        compare.setOther(other);
        whenRead(() -> model.comparison().compareWith(other));
    }

    /** Opens the cache explanation against {@code previous}, prefilled, and runs it once read. */
    public void explainCache(String previous, Path dockerfile, Path context) {
        show(Page.CACHE);
        cache.prefill(previous, dockerfile, context);
        if (dockerfile != null) {
            model.advice().useDockerfile(dockerfile);
        }
        whenRead(() -> model.cacheExplanation().explain(previous, dockerfile, context));
    }

    private void whenRead(Runnable action) {
        if (model.analysisProperty().get() != null) {
            action.run();
            return;
        }
        model.analysisProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends ImageAnalysis> obs, ImageAnalysis old,
                                ImageAnalysis now) {
                if (now != null) {
                    obs.removeListener(this);
                    action.run();
                }
            }
        });
    }

    public LayerInspectorViewModel model() {
        return model;
    }

    public Parent root() {
        return root;
    }

    @Override
    public void close() {
        model.close();
    }
}
