package dev.berth.app.system;

import dev.berth.app.common.AppServices;
import dev.berth.app.common.FactsGrid;
import dev.berth.app.common.Formats;
import dev.berth.app.common.ListPage;
import dev.berth.app.shell.View;
import dev.berth.app.theme.Css;
import dev.berth.engine.DiskUsage;
import dev.berth.engine.EngineDetails;
import dev.berth.ui.chart.UsageBar;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The engine as a whole: what takes disk space (images, containers, volumes, build cache; each
 * with a bar against the largest, its reclaimable end marked), the engine's own description, and
 * a clean-up of everything unused.
 */
public final class SystemView implements View {

    private final AppServices services;
    private final SystemViewModel model;
    private final VBox root = new VBox();
    private final GridPane disk = new GridPane();
    private final FactsGrid engine = new FactsGrid();

    public SystemView(AppServices services) {
        this.services = services;
        this.model = new SystemViewModel(services);
        build();
        model.attach();
    }

    private void build() {
        Button refresh = new Button("Refresh", new FontIcon(Material2MZ.REFRESH));
        refresh.setId("system-refresh");
        refresh.setOnAction(e -> model.refresh());
        Button clean = new Button("Clean up…", new FontIcon(Material2AL.DELETE_SWEEP));
        clean.setId("system-clean-up");
        clean.getStyleClass().add(Css.DANGER);
        clean.disableProperty().bind(model.connectedProperty().not());
        clean.setOnAction(e -> cleanUp());
        refresh.disableProperty().bind(model.connectedProperty().not());

        ProgressIndicator measuring = new ProgressIndicator();
        measuring.setPrefSize(16, 16);
        Label measuringText = new Label("Working out disk use…", measuring);
        measuringText.setId("system-measuring");
        measuringText.getStyleClass().add(Css.VIEW_SUBTITLE);
        measuringText.visibleProperty().bind(model.measuringProperty());

        disk.setId("disk-use");
        disk.setHgap(16);
        disk.setVgap(10);
        disk.setPadding(new Insets(12));
        ColumnConstraints bars = new ColumnConstraints(120, 320, Double.MAX_VALUE);
        bars.setHgrow(Priority.ALWAYS);
        disk.getColumnConstraints().setAll(new ColumnConstraints(), new ColumnConstraints(), new ColumnConstraints(),
                bars, new ColumnConstraints());
        engine.setId("engine-facts");

        model.usageProperty().addListener((obs, old, now) -> showUsage(now));
        model.detailsProperty().addListener((obs, old, now) -> showDetails(now));

        VBox content = new VBox(16, section("Disk use", new VBox(4, disk, legend())), section("Engine", engine));
        content.setPadding(new Insets(0, 16, 16, 16));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.getChildren().setAll(ListPage.top("System", "system",
                Bindings.createStringBinding(() -> model.detailsProperty().get() == null ? ""
                        : "Docker Engine " + model.detailsProperty().get().version() + " on "
                        + model.detailsProperty().get().name(), model.detailsProperty()),
                new Node[] {refresh, clean}, measuringText), scroll);
        root.getStyleClass().add("system-view");
    }

    /** What the bars' two colours mean. */
    private static Node legend() {
        Label used = new Label("in use", swatch(0));
        Label free = new Label("can be freed by a clean-up", swatch(1));
        HBox legend = new HBox(16, used, free);
        legend.setPadding(new Insets(0, 12, 0, 12));
        legend.getStyleClass().add(Css.VIEW_SUBTITLE);
        return legend;
    }

    private static UsageBar swatch(double part) {
        UsageBar bar = new UsageBar();
        bar.setScale(1);
        bar.setValue(1);
        bar.setPart(part);
        bar.setPrefSize(14, 10);
        bar.setMaxSize(14, 10);
        return bar;
    }

    private static Node section(String title, Node body) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Css.SECTION_TITLE);
        VBox box = new VBox(6, heading, body);
        box.getStyleClass().add("system-section");
        return box;
    }

    private void showUsage(DiskUsage usage) {
        disk.getChildren().clear();
        if (usage == null) {
            return;
        }
        disk.addRow(0, header("What"), header("How many"), header("Size"), header(""), header("Can be freed"));
        long largest = usage.kinds().stream().mapToLong(DiskUsage.Kind::bytes).max().orElse(0);
        int row = 1;
        for (DiskUsage.Kind kind : usage.kinds()) {
            UsageBar bar = new UsageBar();
            bar.setScale(largest);
            bar.setValue(kind.bytes());
            bar.setPart(kind.reclaimableBytes());
            bar.setMaxWidth(Double.MAX_VALUE);
            Label size = new Label(Formats.bytes(kind.bytes()));
            size.setId("disk-size-" + row);
            Label free = new Label(Formats.bytes(kind.reclaimableBytes())
                    + (kind.bytes() > 0 ? " (" + Math.round(100.0 * kind.reclaimableBytes() / kind.bytes()) + "%)" : ""));
            disk.addRow(row++, new Label(kind.name()), new Label(kind.count() + " · " + kind.active() + " in use"),
                    size, bar, free);
        }
        Label total = new Label("In all");
        total.getStyleClass().add("text-bold");
        Label totalSize = new Label(Formats.bytes(usage.totalBytes()));
        totalSize.getStyleClass().add("text-bold");
        Label totalFree = new Label(Formats.bytes(usage.reclaimableBytes()));
        totalFree.getStyleClass().add("text-bold");
        disk.addRow(row, total, new Label(""), totalSize, new Label(""), totalFree);
        for (Node n : disk.getChildren()) {
            GridPane.setValignment(n, javafx.geometry.VPos.CENTER);
        }
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Css.VIEW_SUBTITLE);
        return label;
    }

    private void showDetails(EngineDetails d) {
        engine.clear();
        if (d == null) {
            return;
        }
        engine.add("Engine", "Docker Engine " + d.version());
        engine.add("Host", d.name() + " · " + d.operatingSystem());
        engine.add("Kernel", d.kernel() + " · " + d.architecture(), true);
        engine.add("Resources", d.cpus() + (d.cpus() == 1 ? " CPU · " : " CPUs · ") + Formats.bytes(d.memoryBytes())
                + " memory");
        engine.add("Storage", d.storageDriver() + " in " + d.rootDir(), true);
        engine.add("Logging", d.loggingDriver() + " · cgroup " + d.cgroupDriver() + " (v" + d.cgroupVersion() + ")");
        engine.add("Containers", d.containers() + " (" + d.running() + " running)");
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void cleanUp() {
        CleanUpDialog.ask(window(), model.usageProperty().get()).ifPresent(choice ->
                model.cleanUp(choice, Map.of(), report -> {
                    services.notifier().info("Cleaned up, " + Formats.bytes(report.freedBytes()) + " freed");
                    if (!report.failures().isEmpty()) {
                        services.notifier().show("Some of the clean-up failed", String.join("\n", report.failures()), true);
                    }
                }));
    }

    /** For tests. */
    SystemViewModel model() {
        return model;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void close() {
        model.close();
    }
}
