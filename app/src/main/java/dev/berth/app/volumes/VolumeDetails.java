package dev.berth.app.volumes;

import dev.berth.app.common.Formats;
import dev.berth.app.theme.Css;
import dev.berth.engine.VolumeSummary;
import dev.berth.ui.jsontree.JsonTreeView;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.GridPane;

/**
 * The selected volume: what it is (driver, where its files live on the engine's host, who mounts
 * it, labels and options) and the engine's whole inspect document.
 */
final class VolumeDetails {

    private final GridPane facts = new GridPane();
    private final JsonTreeView inspect = new JsonTreeView();
    private final TabPane tabs = new TabPane();

    VolumeDetails() {
        facts.setId("volume-facts");
        facts.setHgap(16);
        facts.setVgap(6);
        facts.setPadding(new Insets(12));
        inspect.setId("volume-inspect");
        ScrollPane overview = new ScrollPane(facts);
        overview.setFitToWidth(true);
        Tab first = new Tab("Overview", overview);
        Tab second = new Tab("Inspect", inspect);
        tabs.getTabs().setAll(first, second);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("volume-details");
    }

    Node node() {
        return tabs;
    }

    /** Shows {@code row}'s facts now; the inspect document follows when it arrives. */
    void show(VolumeRow row) {
        VolumeSummary v = row.summary();
        facts.getChildren().clear();
        int r = 0;
        add(r++, "Name", v.name(), true);
        add(r++, "Driver", v.driver() + (v.scope().isEmpty() ? "" : " (" + v.scope() + " scope)"), false);
        add(r++, "On the engine's host", v.mountpoint(), true);
        add(r++, "Created", v.created() == null ? "—" : Formats.ago(v.created(), Instant.now()) + " · " + v.created(), false);
        add(r++, "Size", row.size() >= 0 ? Formats.bytes(row.size()) : "—", false);
        add(r++, "Mounted by", row.usedBy().isEmpty() ? "No container: removing it or a prune deletes its files"
                : String.join(", ", row.usedBy()), false);
        add(r++, "Labels", lines(v.labels()), true);
        add(r, "Driver options", lines(v.options()), true);
        inspect.setJson(null);
    }

    void showJson(String json) {
        inspect.setJson(json);
    }

    private void add(int row, String key, String value, boolean mono) {
        Label k = new Label(key);
        k.getStyleClass().add(Css.VIEW_SUBTITLE);
        GridPane.setValignment(k, VPos.TOP);
        Label v = new Label(value);
        v.setWrapText(true);
        if (mono) {
            v.getStyleClass().add(Css.MONOSPACE);
        }
        facts.addRow(row, k, v);
    }

    private static String lines(Map<String, String> values) {
        return values.isEmpty() ? "—" : values.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
    }
}
