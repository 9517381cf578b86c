package dev.berth.app.networks;

import dev.berth.app.common.FactsGrid;
import dev.berth.app.common.Formats;
import dev.berth.engine.NetworkSummary;
import dev.berth.ui.jsontree.JsonTreeView;
import java.util.stream.Collectors;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The selected network: its address plan and settings, the containers on it with their
 * addresses, and the engine's whole inspect document.
 */
final class NetworkDetails {

    private final FactsGrid facts = new FactsGrid();
    private final TableView<NetworkSummary.Attachment> containers = new TableView<>();
    private final JsonTreeView inspect = new JsonTreeView();
    private final TabPane tabs = new TabPane();
    private final BooleanProperty fixed = new SimpleBooleanProperty(this, "fixed");

    /**
     * @param connect    asks which container to connect to the shown network
     * @param disconnect disconnects the container picked in the table
     */
    NetworkDetails(Runnable connect, Consumer<NetworkSummary.Attachment> disconnect) {
        facts.setId("network-facts");
        containers.setId("network-containers");
        containers.setPlaceholder(new Label("No container is on this network"));
        containers.getColumns().setAll(java.util.List.of(
                column("Container", 220, NetworkSummary.Attachment::container),
                column("State", 90, a -> a.running() ? "running" : "stopped"),
                column("Address", 140, a -> a.address().isEmpty() ? "—" : a.address())));
        containers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        containers.setPrefWidth(460);
        ScrollPane factsScroll = new ScrollPane(facts);
        factsScroll.setFitToWidth(true);
        Button join = new Button("Connect a container…", new FontIcon(Material2AL.LINK));
        join.setId("network-connect");
        join.setOnAction(e -> connect.run());
        join.disableProperty().bind(fixed);
        Button leave = new Button("Disconnect", new FontIcon(Material2AL.LINK_OFF));
        leave.setId("network-disconnect");
        leave.disableProperty().bind(containers.getSelectionModel().selectedItemProperty().isNull().or(fixed));
        leave.setOnAction(e -> disconnect.accept(containers.getSelectionModel().getSelectedItem()));
        HBox actions = new HBox(8, join, leave);
        VBox attached = new VBox(6, actions, containers);
        VBox.setVgrow(containers, Priority.ALWAYS);
        HBox overview = new HBox(12, factsScroll, attached);
        HBox.setHgrow(factsScroll, Priority.ALWAYS);
        overview.setPadding(new Insets(0, 0, 8, 0));
        inspect.setId("network-inspect");
        tabs.getTabs().setAll(new Tab("Overview", overview), new Tab("Inspect", inspect));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("network-details");
    }

    private static TableColumn<NetworkSummary.Attachment, String> column(String title, double width,
            java.util.function.Function<NetworkSummary.Attachment, String> value) {
        TableColumn<NetworkSummary.Attachment, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    Node node() {
        return tabs;
    }

    /** Shows {@code n}'s facts now; the inspect document follows when it arrives. */
    void show(NetworkSummary n) {
        facts.clear();
        facts.add("Name", n.name(), false);
        facts.add("ID", n.id(), true);
        facts.add("Driver", n.driver() + (n.scope().isEmpty() ? "" : " (" + n.scope() + " scope)"), false);
        facts.add("Subnets", n.subnets().isEmpty() ? "—" : n.subnets().stream()
                .map(s -> s.subnet() + (s.gateway().isEmpty() ? "" : "  gateway " + s.gateway()))
                .collect(Collectors.joining("\n")), true);
        facts.add("Settings", String.join(" · ", n.internal() ? "internal (no outside access)" : "routed to the outside",
                n.attachable() ? "attachable" : "not attachable", n.ipv6() ? "IPv6 on" : "IPv6 off"), false);
        facts.add("Created", Formats.agoAndWhen(n.created()), false);
        facts.add("Labels", Formats.keyValues(n.labels()), true);
        containers.getItems().setAll(n.attached());
        // host and none take no containers by connecting: the engine refuses.
        fixed.set("host".equals(n.name()) || "none".equals(n.name()));
    }

    void clearJson() {
        inspect.setJson(null);
    }

    void showJson(String json) {
        inspect.setJson(json);
    }
}
