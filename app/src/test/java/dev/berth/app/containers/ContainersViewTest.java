package dev.berth.app.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.app.common.Browser;
import dev.berth.app.compose.StackRow;
import dev.berth.app.shell.MainWindow;
import dev.berth.app.shell.Section;
import dev.berth.app.theme.ThemeManager;
import dev.berth.engine.ContainerState;
import dev.berth.engine.ContainerSummary;
import dev.berth.engine.Engine;
import dev.berth.engine.PortPublish;
import dev.berth.testing.DockerCli;
import dev.berth.testing.RealEngine;
import dev.berth.testing.Screenshots;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestResources;
import dev.berth.testing.UiTestSupport;
import dev.berth.ui.chart.CanvasText;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The containers list in the real window on the real engine. */
@RealEngine
@ExtendWith(ApplicationExtension.class)
class ContainersViewTest {

    private static Engine engine;
    private MainWindow window;
    private Stage stage;
    private ThemeManager theme;

    @BeforeAll
    static void connect() {
        engine = TestEngine.shared();
    }

    @AfterAll
    static void removeNetworksVolumesAndImages() {
        DockerCli.removeLabelled();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        theme = new ThemeManager(null);
        window = UiTestSupport.show(stage, engine, theme);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    /** The colour the row's CPU number is painted in, after checking it is its cell's text colour and font. */
    private static Paint paintedFill(FxRobot robot, TreeTableRow<ContainerEntry> row) {
        Paint[] fill = new Paint[1];
        robot.interact(() -> {
            Labeled cpuCell = (Labeled) row.lookupAll(".tree-table-cell").stream()
                    .filter(n -> n instanceof Labeled c && c.lookup(".canvas-text") != null).findFirst().orElseThrow();
            CanvasText painted = (CanvasText) cpuCell.lookup(".canvas-text");
            assertThat(painted.getFill()).isEqualTo(cpuCell.getTextFill());
            assertThat(painted.getFont()).isEqualTo(cpuCell.getFont());
            fill[0] = painted.getFill();
        });
        return fill[0];
    }

    /** Shows only this run's containers, so the engine's other containers do not get in the way. */
    private static void filterToThisRun(FxRobot robot, String more) {
        robot.interact(() -> robot.lookup("#container-filter").queryAs(TextField.class)
                .setText(TestResources.RUN_ID + (more.isEmpty() ? "" : " " + more)));
    }

    @Test
    void composeProjectsAreGroupedWithTheirOwnActionsAndOthersListedFlat(FxRobot robot) {
        String project = "berth-test-" + TestResources.RUN_ID + "-shop";
        String web = engine.containers().create(TestResources.sleeper("compose-web")
                .withLabel(ContainerSummary.COMPOSE_PROJECT_LABEL, project).withLabel("com.docker.compose.service", "web")
                .withPorts(List.of(PortPublish.random(80))));
        engine.containers().create(TestResources.sleeper("compose-db")
                .withLabel(ContainerSummary.COMPOSE_PROJECT_LABEL, project).withLabel("com.docker.compose.service", "db"));
        engine.containers().create(TestResources.sleeper("compose-loner"));
        engine.containers().start(web);
        filterToThisRun(robot, "compose");

        UiTestSupport.waitUntil("the project shows 1 of 2 running", 20, () -> {
            TreeItem<ContainerEntry> group = ContainersUi.item(robot, project);
            return group != null && group.getChildren().size() == 2
                    && "1 of 2 running".equals(group.getValue().statusProperty().getValue());
        });
        ContainersUi.waitForRow("the loner is listed", robot, TestResources.name("compose-loner"));
        assertThat(ContainersUi.topLevel(robot)).containsExactlyInAnyOrder(project, TestResources.name("compose-loner"));
        TreeItem<ContainerEntry> group = ContainersUi.item(robot, project);
        assertThat(UiTestSupport.onFx(() -> group.getChildren().stream()
                .map(i -> i.getValue().nameProperty().getValue()).toList()))
                .containsExactlyInAnyOrder(TestResources.name("compose-web"), TestResources.name("compose-db"));
        assertThat(UiTestSupport.onFx(() -> group.getValue().imageProperty().getValue())).isEqualTo("2 containers");
        // The running container's CPU (with its sparkline) and memory are live in the table.
        UiTestSupport.waitUntil("live CPU in the table", 20, () -> robot.lookup(".tree-table-cell").queryAll().stream()
                .anyMatch(n -> n instanceof Labeled cell && cell.getAccessibleText() != null
                        && cell.getAccessibleText().matches("\\d+([.,]\\d+)? %")
                        && cell.lookup(".canvas-text") instanceof CanvasText painted
                        && painted.getText().equals(cell.getAccessibleText())));
        robot.interact(() -> { });
        Screenshots.save(robot, stage.getScene(), "containers-list");

        // The painted numbers take the cell's own text colour: the theme's, and the selection's.
        TreeTableRow<ContainerEntry> webRow = ContainersUi.row(robot, TestResources.name("compose-web"));
        Paint light = paintedFill(robot, webRow);
        robot.clickOn(webRow);
        robot.interact(() -> theme.darkProperty().set(true));
        UiTestSupport.waitUntil("the dark theme on the painted CPU", 5, () -> {
            stage.getScene().getRoot().applyCss();
            return webRow.isSelected() && !paintedFill(robot, webRow).equals(light);
        });
        Screenshots.save(robot, stage.getScene(), "containers-list-dark-selected");
        robot.interact(() -> theme.darkProperty().set(false));

        // Selecting the project's line stops every container of the project.
        robot.clickOn(ContainersUi.row(robot, project));
        robot.clickOn("#container-stop");
        UiTestSupport.waitUntil("the project shows 0 of 2 running", 20,
                () -> "0 of 2 running".equals(group.getValue().statusProperty().getValue()));
        assertThat(engine.containers().find(web).orElseThrow().state()).isEqualTo(ContainerState.EXITED);
        Screenshots.save(robot, stage.getScene(), "containers-list-project-stopped");

        // The project's menu leads to its stack on the Compose page.
        robot.rightClickOn(ContainersUi.row(robot, project));
        robot.clickOn("Open on the Compose page");
        UiTestSupport.waitUntil("the Compose page shows the project's stack", 15, () ->
                window.sectionProperty().get() == Section.COMPOSE
                        && robot.lookup("#stacks-list").queryAs(ListView.class).getSelectionModel()
                        .getSelectedItem() instanceof StackRow stack && stack.project().equals(project));
    }

    @Test
    void theFilterMatchesNameImageLabelAndStateAndRunningOnlyHidesStoppedOnes(FxRobot robot) {
        String running = engine.containers().create(TestResources.sleeper("filter-up").withLabel("team", "payments"));
        engine.containers().create(TestResources.sleeper("filter-down"));
        engine.containers().start(running);
        filterToThisRun(robot, "filter");
        ContainersUi.waitForRow("both are listed", robot, TestResources.name("filter-down"));
        UiTestSupport.waitUntil("the first shows running", 20, () -> {
            TreeItem<ContainerEntry> item = ContainersUi.item(robot, TestResources.name("filter-up"));
            return item != null && item.getValue().stateProperty().getValue() == ContainerState.RUNNING;
        });

        filterToThisRun(robot, "filter team=payments");
        assertThat(ContainersUi.topLevel(robot)).containsExactly(TestResources.name("filter-up"));
        filterToThisRun(robot, "filter created");
        assertThat(ContainersUi.topLevel(robot)).containsExactly(TestResources.name("filter-down"));
        filterToThisRun(robot, "busybox filter");
        assertThat(ContainersUi.topLevel(robot)).hasSize(2);

        robot.clickOn("#running-only");
        assertThat(ContainersUi.topLevel(robot)).containsExactly(TestResources.name("filter-up"));
        engine.containers().stop(running);
        UiTestSupport.waitUntil("a stopped container leaves the running-only list", 20,
                () -> ContainersUi.topLevel(robot).isEmpty());
        robot.clickOn("#running-only");
        assertThat(ContainersUi.topLevel(robot)).hasSize(2);
    }

    @Test
    void aBulkActionReportsEachContainerAndOneFailureStopsNoneOfTheOthers(FxRobot robot) {
        String a = engine.containers().create(TestResources.sleeper("bulk-a"));
        String b = engine.containers().create(TestResources.sleeper("bulk-b"));
        engine.containers().create(TestResources.sleeper("bulk-c").withCommand("/no/such/program"));
        filterToThisRun(robot, "bulk");
        UiTestSupport.waitUntil("three rows", 20, () -> ContainersUi.topLevel(robot).size() == 3);

        robot.interact(() -> ContainersUi.table(robot).getSelectionModel().selectAll());
        UiTestSupport.waitUntil("Start is enabled for the three", 20, () -> !robot.lookup("#container-start").query().isDisabled());
        robot.clickOn("#container-start");

        try {
            UiTestSupport.waitUntil("the report is shown", 30, () -> robot.lookup("#bulk-report").query().isVisible());
        } catch (AssertionError e) {
            // Say how far the action got, so a failure under load can be told from a lost click.
            throw new AssertionError(e.getMessage() + "; engine states: " + engine.containers().inspect(a).state() + ", "
                    + engine.containers().inspect(b).state() + "; selected rows: "
                    + ContainersUi.table(robot).getSelectionModel().getSelectedItems().size(), e);
        }
        List<String> lines = robot.lookup(".bulk-report-line").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertThat(robot.lookup("#bulk-report-summary").queryAs(Label.class).getText()).as(lines.toString())
                .isEqualTo("Started 2 of 3 containers; 1 failed");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).as("failures come first").startsWith(TestResources.name("bulk-c") + ": ")
                .contains("/no/such/program");
        assertThat(lines).contains(TestResources.name("bulk-a") + ": started", TestResources.name("bulk-b") + ": started");
        assertThat(engine.containers().inspect(a).state()).isEqualTo(ContainerState.RUNNING);
        assertThat(engine.containers().inspect(b).state()).isEqualTo(ContainerState.RUNNING);
        Screenshots.save(robot, stage.getScene(), "containers-bulk-report");

        robot.clickOn("#container-kill");
        UiTestSupport.waitUntil("the next report replaces the first", 20, () -> robot.lookup("#bulk-report-summary")
                .queryAs(Label.class).getText().startsWith("Killed 2 of 3"));
        assertThat(engine.containers().inspect(a).state()).isEqualTo(ContainerState.EXITED);
        assertThat(engine.containers().inspect(b).state()).isEqualTo(ContainerState.EXITED);
        robot.clickOn("#bulk-report-close");
        assertThat(robot.lookup("#bulk-report").query().isVisible()).isFalse();
    }

    @Test
    void keysFocusTheFilterOpenDetailsAndRemoveAfterAskingWithVolumes(FxRobot robot) {
        String id = engine.containers().create(TestResources.sleeper("keys")
                .withMounts(List.of(dev.berth.engine.MountSpec.volume("", "/anonymous"))));
        String volume = engine.containers().inspect(id).mounts().get(0).name();
        filterToThisRun(robot, "keys");
        ContainersUi.waitForRow("listed", robot, TestResources.name("keys"));

        robot.clickOn(ContainersUi.row(robot, TestResources.name("keys")));
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        assertThat(robot.lookup("#container-filter").queryAs(TextField.class).isFocused()).isTrue();

        robot.clickOn(ContainersUi.row(robot, TestResources.name("keys")));
        robot.type(KeyCode.ENTER);
        UiTestSupport.waitUntil("details open", 20, () -> robot.lookup("#details-name").tryQuery().isPresent()
                && TestResources.name("keys").equals(robot.lookup("#details-name").queryAs(Label.class).getText()));
        robot.clickOn("#details-close");
        assertThat(robot.lookup("#container-details").tryQuery()).isEmpty();

        robot.clickOn(ContainersUi.row(robot, TestResources.name("keys")));
        robot.type(KeyCode.DELETE);
        DialogPane dialog = robot.lookup("#confirm-remove").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Remove container " + TestResources.name("keys") + "?");
        robot.clickOn(robot.from(dialog).lookup("#remove-volumes").queryAs(CheckBox.class));
        robot.clickOn(robot.from(dialog).lookup(".button").match(n -> "Remove".equals(((Button) n).getText()))
                .queryButton());

        UiTestSupport.waitUntil("the row disappears", 20,
                () -> ContainersUi.item(robot, TestResources.name("keys")) == null);
        assertThat(engine.containers().find(id)).isEmpty();
        assertThat(DockerCli.run("volume", "ls", "-q", "--filter", "name=" + volume)).isEmpty();
    }

    @Test
    void clickingAPublishedPortOpensItInTheBrowser(FxRobot robot) {
        List<String> opened = new CopyOnWriteArrayList<>();
        Browser.use(opened::add);
        String id = engine.containers().run(TestResources.sleeper("port")
                .withPorts(List.of(PortPublish.parse("127.0.0.1::80"))));
        int hostPort = engine.containers().inspect(id).ports().get(0).hostPort();
        filterToThisRun(robot, "port");
        UiTestSupport.waitUntil("the port is shown", 20,
                () -> robot.lookup(".port-link").tryQuery().isPresent());

        try {
            robot.clickOn(robot.lookup(".port-link").queryAs(Hyperlink.class));

            assertThat(opened).containsExactly("http://127.0.0.1:" + hostPort);
        } finally {
            Browser.use(url -> { }); // later tests must not record into this list
        }
    }

    @Test
    void renameAndCommitThroughTheirDialogs(FxRobot robot) {
        String id = engine.containers().create(TestResources.sleeper("rename-me"));
        filterToThisRun(robot, "");
        ContainersUi.waitForRow("listed", robot, TestResources.name("rename-me"));

        robot.rightClickOn(ContainersUi.row(robot, TestResources.name("rename-me")));
        robot.clickOn("Rename…");
        TextField field = robot.lookup("#rename-field").queryAs(TextField.class);
        robot.interact(() -> field.setText("bad name"));
        assertThat(robot.lookup("#rename-dialog .field-problem").queryAs(Label.class).getText())
                .startsWith("Use letters, digits");
        robot.interact(() -> field.setText(TestResources.name("renamed")));
        robot.clickOn(robot.lookup("#rename-dialog .button").match(n -> "Rename".equals(((Button) n).getText()))
                .queryButton());
        ContainersUi.waitForRow("the row carries the new name", robot, TestResources.name("renamed"));
        assertThat(engine.containers().find(id).orElseThrow().name()).isEqualTo(TestResources.name("renamed"));

        robot.rightClickOn(ContainersUi.row(robot, TestResources.name("renamed")));
        robot.clickOn("Commit to image…");
        String image = "berth-test/committed-" + TestResources.RUN_ID + ":v1";
        robot.interact(() -> robot.lookup("#commit-image").queryAs(TextField.class).setText(image));
        robot.interact(() -> robot.lookup("#commit-message").queryAs(TextField.class).setText("from the view"));
        Screenshots.save(robot, robot.lookup("#commit-dialog").query().getScene(), "containers-commit-dialog");
        robot.clickOn(robot.lookup("#commit-dialog .button").match(n -> "Commit".equals(((Button) n).getText()))
                .queryButton());
        UiTestSupport.waitUntil("the image exists", 20, () -> engine.images().exists(image));
        assertThat(DockerCli.run("image", "inspect", "--format", "{{.Comment}}", image)).isEqualTo("from the view");
        UiTestSupport.waitUntil("the commit dialog closes", 20, () -> robot.lookup("#commit-dialog").tryQuery().isEmpty());
    }
}
