package dev.berth.app.networks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.app.common.ItemList;
import dev.berth.app.shell.MainWindow;
import dev.berth.app.theme.ThemeManager;
import dev.berth.engine.ContainerSpec;
import dev.berth.engine.Engine;
import dev.berth.engine.NetworkSummary;
import dev.berth.testing.RealEngine;
import dev.berth.testing.Screenshots;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestImages;
import dev.berth.testing.TestResources;
import dev.berth.testing.UiTestSupport;
import dev.berth.ui.jsontree.JsonTreeView;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The networks view in the real main window on the real engine. */
@RealEngine
@ExtendWith(ApplicationExtension.class)
class NetworksViewTest {

    private static final Map<String, String> OURS = Map.of(TestResources.LABEL, TestResources.RUN_ID);
    private static Engine engine;
    private static String backend;
    private static String idle;
    private static String web;
    private static String worker;
    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void networks() {
        engine = TestEngine.shared();
        backend = TestResources.name("ui-backend");
        engine.networks().create(backend, "bridge", "10.232.0.0/24", "10.232.0.1", false, true,
                Map.of(TestResources.LABEL, TestResources.RUN_ID, "tier", "back"));
        idle = TestResources.name("ui-idle");
        engine.networks().create(idle, "bridge", "", "", true, false, OURS);
        web = TestResources.name("ui-net-web");
        worker = TestResources.name("ui-net-worker");
        engine.containers().start(attach(backend, web));
        attach(backend, worker);
    }

    private static String attach(String network, String name) {
        return engine.containers().create(ContainerSpec.of(TestImages.BUSYBOX).withName(name).withCommand("sleep", "300")
                .withNetwork(network).withLabel(TestResources.LABEL, TestResources.RUN_ID));
    }

    @AfterAll
    static void cleanUp() {
        TestResources.removeAll(engine);
        TestResources.removeNetworks(engine);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = UiTestSupport.show(stage, engine, new ThemeManager(null));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    private static NetworkRow row(TableView<NetworkRow> table, String name) {
        // Reloads change the rows on the FX thread; read them there.
        return UiTestSupport.onFx(() -> table.getItems().stream().filter(r -> r.name().equals(name)).findFirst().orElse(null));
    }

    private TableView<NetworkRow> open(FxRobot robot) {
        robot.clickOn("#nav-networks");
        TableView<NetworkRow> table = robot.lookup("#networks-table").queryTableView();
        UiTestSupport.waitUntil("our networks are listed", 15, () -> row(table, backend) != null && row(table, idle) != null);
        return table;
    }

    private static void select(FxRobot robot, TableView<NetworkRow> table, String name) {
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(row(table, name));
        });
    }

    private static List<String> lines(DialogPane dialog) {
        return ItemList.items(dialog);
    }

    @Test
    void listsNetworksWithTheirSubnetAndTheContainersOnThemWithAddresses(FxRobot robot) {
        TableView<NetworkRow> table = open(robot);

        NetworkSummary back = row(table, backend).summary();
        assertThat(back.containerNames()).containsExactly(web, worker);
        assertThat(back.running()).containsExactly(web);
        assertThat(row(table, "bridge").summary().isBuiltIn()).isTrue();

        select(robot, table, backend);
        UiTestSupport.waitUntil("the inspect document", 10, () -> {
            String json = robot.lookup("#network-inspect").queryAs(JsonTreeView.class).getJson();
            return json != null && json.contains(backend);
        });
        TableView<NetworkSummary.Attachment> on = robot.lookup("#network-containers").queryTableView();
        assertThat(on.getItems()).extracting(NetworkSummary.Attachment::container).containsExactly(web, worker);
        assertThat(on.getItems().get(0).address()).startsWith("10.232.0.");
        assertThat(robot.lookup("#network-facts").query().lookupAll(".label").stream().map(n -> ((Label) n).getText()))
                .contains("10.232.0.0/24  gateway 10.232.0.1");
        Screenshots.save(robot, stage.getScene(), "networks");

        robot.clickOn("#networks-filter").write(TestResources.RUN_ID);
        robot.clickOn("#networks-unused");
        UiTestSupport.waitUntil("only our unused networks", 5, () -> row(table, idle) != null && row(table, backend) == null
                && table.getItems().stream().allMatch(r -> !r.summary().isInUse() && r.name().contains(TestResources.RUN_ID)));
        robot.clickOn("#networks-unused");
    }

    @Test
    void createChecksSubnetAndGatewayAsTheyAreTypedAndTheNetworkAppears(FxRobot robot) {
        TableView<NetworkRow> table = open(robot);
        String name = TestResources.name("ui-made");

        robot.clickOn("#network-create");
        DialogPane dialog = robot.lookup("#create-network-dialog").queryAs(DialogPane.class);
        Button create = (Button) dialog.lookupButton(dialog.getButtonTypes().get(0));
        Label problem = robot.lookup("#network-problem").queryAs(Label.class);
        assertThat(problem.getText()).isEqualTo("Name the network");
        robot.clickOn("#network-name").write(name);
        robot.clickOn("#network-subnet").write("10.233.0.0/24");
        robot.clickOn("#network-gateway").write("10.234.0.1");
        assertThat(problem.getText()).isEqualTo("The gateway 10.234.0.1 is outside the subnet 10.233.0.0/24");
        assertThat(create.isDisabled()).isTrue();
        robot.interact(() -> robot.lookup("#network-gateway").queryTextInputControl().setText("10.233.0.254"));
        robot.interact(() -> robot.lookup("#network-labels").queryAs(dev.berth.ui.keyvalue.KeyValueEditor.class)
                .setAll(OURS));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(problem.getText()).isEmpty();
        Screenshots.save(robot, dialog.getScene(), "networks-create");
        robot.clickOn(create);

        UiTestSupport.waitUntil("the new network is listed and selected", 15, () -> row(table, name) != null
                && table.getSelectionModel().getSelectedItem() == row(table, name));
        assertThat(row(table, name).summary().subnets())
                .containsExactly(new NetworkSummary.Subnet("10.233.0.0/24", "10.233.0.254"));
    }

    @Test
    void removingIsRefusedForBuiltInAndBusyNetworksAndWarnsAboutStoppedContainers(FxRobot robot) {
        TableView<NetworkRow> table = open(robot);

        select(robot, table, "bridge");
        robot.clickOn("#network-remove");
        DialogPane refusal = robot.lookup("#refuse-remove-network").queryAs(DialogPane.class);
        assertThat(refusal.getHeaderText()).startsWith("bridge, host and none come with the engine");
        robot.clickOn(refusal.lookupButton(ButtonType.OK));

        select(robot, table, backend);
        robot.clickOn("#network-remove");
        refusal = robot.lookup("#refuse-remove-network").queryAs(DialogPane.class);
        assertThat(lines(refusal)).containsExactly(backend + ": " + web);
        robot.clickOn(refusal.lookupButton(ButtonType.OK));

        String lonely = TestResources.name("ui-lonely");
        engine.networks().create(lonely, "bridge", "", "", false, false, OURS);
        String parked = TestResources.name("ui-parked");
        attach(lonely, parked);
        UiTestSupport.waitUntil("the new network is listed", 15, () -> row(table, lonely) != null
                && row(table, lonely).summary().isInUse());
        select(robot, table, lonely);
        robot.clickOn("#network-remove");
        DialogPane confirm = robot.lookup("#confirm-remove-network").queryAs(DialogPane.class);
        assertThat(lines(confirm)).containsExactly(lonely + ": stopped " + parked + " will not start");
        Screenshots.save(robot, confirm.getScene(), "networks-confirm-remove");
        robot.clickOn(confirm.lookupButton(confirm.getButtonTypes().get(0)));

        UiTestSupport.waitUntil("the network is gone", 15, () -> row(table, lonely) == null);
    }

    @Test
    void aContainerIsConnectedFromTheDetailsAndDisconnectedAfterAsking(FxRobot robot) {
        TableView<NetworkRow> table = open(robot);
        String join = TestResources.name("ui-join");
        engine.networks().create(join, "bridge", "", "", false, false, OURS);
        String joiner = TestResources.name("ui-joiner");
        attach("bridge", joiner);
        UiTestSupport.waitUntil("the new network is listed", 15, () -> row(table, join) != null);
        select(robot, table, join);

        robot.clickOn("#network-connect");
        DialogPane choice = robot.lookup("#connect-container-dialog").queryAs(DialogPane.class);
        robot.interact(() -> robot.from(choice).lookup(".combo-box").<String>queryComboBox().setValue(joiner));
        Screenshots.save(robot, choice.getScene(), "networks-connect");
        robot.clickOn(choice.lookupButton(choice.getButtonTypes().get(0)));

        UiTestSupport.waitUntil("the container is on the network", 15, () -> row(table, join).summary()
                .containerNames().equals(List.of(joiner)));
        TableView<NetworkSummary.Attachment> on = robot.lookup("#network-containers").queryTableView();
        UiTestSupport.waitUntil("the details list it", 5, () -> on.getItems().size() == 1);
        robot.interact(() -> on.getSelectionModel().select(0));
        robot.clickOn("#network-disconnect");
        DialogPane confirm = robot.lookup("#confirm-disconnect").queryAs(DialogPane.class);
        assertThat(confirm.getContentText()).isEqualTo(joiner + " will not join " + join + " when it starts.");
        robot.clickOn(confirm.lookupButton(confirm.getButtonTypes().get(0)));

        UiTestSupport.waitUntil("the container is off the network", 15, () -> !row(table, join).summary().isInUse());
    }

    @Test
    void pruneListsOnlyNetworksNoContainerIsOn(FxRobot robot) {
        open(robot);

        robot.clickOn("#networks-more").clickOn("#networks-prune");

        DialogPane confirm = robot.lookup("#confirm-prune-networks").queryAs(DialogPane.class);
        assertThat(lines(confirm)).contains(idle).doesNotContain(backend, "bridge", "host", "none");
        // Cancelled: a prune here would reach every unused network on the engine, not only this run's.
        robot.clickOn(confirm.lookupButton(ButtonType.CANCEL));
        assertThat(engine.networks().list()).anyMatch(n -> n.name().equals(idle));
    }
}
