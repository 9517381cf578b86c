package dev.berth.app.volumes;

import dev.berth.app.common.FactsGrid;
import dev.berth.app.common.Formats;
import dev.berth.engine.VolumeSummary;
import dev.berth.ui.jsontree.JsonTreeView;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The selected volume: what it is (driver, where its files live on the engine's host, who mounts
 * it, labels and options) and the engine's whole inspect document.
 */
final class VolumeDetails {

    private final FactsGrid facts = new FactsGrid();
    private final JsonTreeView inspect = new JsonTreeView();
    private final TabPane tabs = new TabPane();

    VolumeDetails() {
        facts.setId("volume-facts");
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
        facts.clear();
        facts.add("Name", v.name(), true);
        facts.add("Driver", v.driver() + (v.scope().isEmpty() ? "" : " (" + v.scope() + " scope)"), false);
        facts.add("On the engine's host", v.mountpoint(), true);
        facts.add("Created", Formats.agoAndWhen(v.created()), false);
        facts.add("Size", row.size() >= 0 ? Formats.bytes(row.size()) : "—", false);
        facts.add("Mounted by", row.usedBy().isEmpty() ? "No container: removing it or a prune deletes its files"
                : String.join(", ", row.usedBy()), false);
        facts.add("Labels", Formats.keyValues(v.labels()), true);
        facts.add("Driver options", Formats.keyValues(v.options()), true);
    }

    void clearJson() {
        inspect.setJson(null);
    }

    void showJson(String json) {
        inspect.setJson(json);
    }
}
