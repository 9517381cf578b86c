package dev.berth.app.containers.details;

import dev.berth.app.common.AppServices;
import dev.berth.app.containers.StateBadges;
import dev.berth.app.logs.ContainerLogsPane;
import dev.berth.app.stats.ContainerStatsPane;
import dev.berth.app.theme.Css;
import dev.berth.engine.ContainerDetails;
import dev.berth.ui.badge.Badge;
import dev.berth.ui.jsontree.JsonTreeView;
import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * One container's details under the containers table: a header with its name and state, and tabs
 * for the overview, the inspect JSON, logs, stats and changed files. It follows the container
 * while open; {@link #close()} stops that.
 */
public final class ContainerDetailsPane implements AutoCloseable {

    /** The tabs, in order. */
    public enum Tab {
        OVERVIEW("Overview", Material2AL.INFO),
        INSPECT("Inspect", Material2AL.CODE),
        LOGS("Logs", Material2MZ.SUBJECT),
        STATS("Stats", Material2MZ.SHOW_CHART),
        DIFF("Changed files", Material2AL.COMPARE);

        private final String title;
        private final Ikon icon;

        Tab(String title, Ikon icon) {
            this.title = title;
            this.icon = icon;
        }

        public String id() {
            return "tab-" + name().toLowerCase();
        }
    }

    private final DetailsViewModel model;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Map<Tab, javafx.scene.control.Tab> tabsByKind = new EnumMap<>(Tab.class);
    private final OverviewPane overview = new OverviewPane();
    private final JsonTreeView inspect = new JsonTreeView();
    private final DiffPane diff;
    private final Label name = new Label();
    private final Badge state = new Badge();
    private final Label image = new Label();
    private final Label problem = new Label();
    private final ContainerLogsPane logs;
    private final ContainerStatsPane stats;

    /**
     * @param onClose what the close button does (the table hides the pane)
     */
    public ContainerDetailsPane(AppServices services, String containerId, Runnable onClose) {
        this.model = new DetailsViewModel(services, containerId);
        this.diff = new DiffPane(model);
        this.logs = new ContainerLogsPane(services);
        this.stats = new ContainerStatsPane(services);
        name.getStyleClass().add("details-title");
        name.setId("details-name");
        image.getStyleClass().add(Css.VIEW_SUBTITLE);
        Button close = new Button(null, new FontIcon(Material2AL.CLOSE));
        close.setId("details-close");
        close.getStyleClass().add(atlantafx.base.theme.Styles.FLAT);
        close.setTooltip(new Tooltip("Close the details"));
        close.setOnAction(e -> onClose.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, name, state, image, spacer, close);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 8, 4, 12));

        inspect.setId("details-inspect");
        StackPane inspectBox = new StackPane(inspect);
        inspectBox.setPadding(new Insets(10, 12, 12, 12));
        add(Tab.OVERVIEW, overview.node());
        add(Tab.INSPECT, inspectBox);
        add(Tab.LOGS, logs.node());
        add(Tab.STATS, stats.node());
        add(Tab.DIFF, diff.node());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("details-tabs");
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now == tabsByKind.get(Tab.DIFF)) {
                model.loadChanges();
            } else if (now == tabsByKind.get(Tab.LOGS)) {
                // Streams start when first looked at, then keep going while the pane is open.
                logs.show(containerId);
            } else if (now == tabsByKind.get(Tab.STATS)) {
                stats.show(containerId);
            }
        });

        problem.getStyleClass().add("details-problem");
        problem.setId("details-problem");
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setPadding(new Insets(0, 12, 4, 12));
        root.setTop(new VBox(header, problem));
        root.setCenter(tabs);
        root.getStyleClass().add("container-details");
        root.setId("container-details");

        model.detailsProperty().addListener((obs, old, now) -> show(now));
        model.attach();
    }

    private void add(Tab kind, Node content) {
        javafx.scene.control.Tab tab = new javafx.scene.control.Tab(kind.title, content);
        tab.setId(kind.id());
        tab.setGraphic(new FontIcon(kind.icon));
        tabsByKind.put(kind, tab);
        tabs.getTabs().add(tab);
    }

    private void show(ContainerDetails d) {
        if (d == null) {
            return;
        }
        name.setText(d.name());
        state.setText(d.state().word());
        state.setTone(StateBadges.tone(d.state()));
        image.setText(d.image());
        overview.show(d);
        if (!d.json().equals(inspect.getJson())) {
            inspect.setJson(d.json());
        }
    }

    public void select(Tab tab) {
        tabs.getSelectionModel().select(tabsByKind.get(tab));
    }

    public String containerId() {
        return model.id();
    }

    public Node node() {
        return root;
    }

    @Override
    public void close() {
        logs.close();
        stats.close();
        model.close();
    }
}
