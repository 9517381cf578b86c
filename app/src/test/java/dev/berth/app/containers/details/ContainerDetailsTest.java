package dev.berth.app.containers.details;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.app.shell.MainWindow;
import dev.berth.app.theme.ThemeManager;
import dev.berth.engine.ContainerState;
import dev.berth.engine.Engine;
import dev.berth.engine.MountSpec;
import dev.berth.engine.PortPublish;
import dev.berth.testing.RealEngine;
import dev.berth.testing.Screenshots;
import dev.berth.testing.Scrolling;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestResources;
import dev.berth.testing.UiTestSupport;
import dev.berth.ui.badge.Badge;
import dev.berth.ui.filetree.ChangeKind;
import dev.berth.ui.filetree.FileTreeView;
import dev.berth.ui.jsontree.JsonTreeView;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeTableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The details pane of a real container in the real window, one tab after the other. */
@RealEngine
@ExtendWith(ApplicationExtension.class)
class ContainerDetailsTest {

    private static Engine engine;
    private MainWindow window;
    private ThemeManager theme;
    private Stage stage;

    @BeforeAll
    static void connect() {
        engine = TestEngine.shared();
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

    @Test
    void eachTabShowsTheContainerAndSecretsStayMaskedUntilRevealed(FxRobot robot) {
        String id = engine.containers().run(TestResources.sleeper("details")
                .withCommand("sh", "-c", "mkdir -p /srv/app && echo ready > /srv/app/state && rm /bin/ls; "
                        + "trap 'exit 3' TERM; while true; do sleep 0.2; done")
                .withEnv("DB_PASSWORD", "hunter2").withEnv("GITHUB_TOKEN", "ghp_example").withEnv("MODE", "dev")
                .withPorts(List.of(PortPublish.parse("127.0.0.1::8080")))
                .withMounts(List.of(MountSpec.tmpfs("/cache", 1 << 20)))
                .withLabel("com.example.team", "payments"));
        openDetails(robot, "details");

        UiTestSupport.waitUntil("the overview is filled in", 20, () -> robot.lookup("#env-MODE").tryQuery().isPresent());
        assertThat(label(robot, "#env-MODE")).isEqualTo("dev");
        assertThat(label(robot, "#env-DB_PASSWORD")).isEqualTo(SecretMask.MASK);
        assertThat(label(robot, "#env-GITHUB_TOKEN")).isEqualTo(SecretMask.MASK);
        assertThat(robot.lookup("#details-state").queryAs(Badge.class).getText()).isEqualTo("running");
        assertThat(robot.lookup("#details-network-bridge").queryAs(Node.class)).isNotNull();
        assertThat(robot.lookup("#details-network-bridge .label").queryAs(Label.class).getText())
                .matches("\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+");
        Screenshots.save(robot, stage.getScene(), "details-overview");

        Scrolling.reveal(robot, "#reveal-DB_PASSWORD");
        robot.clickOn("#reveal-DB_PASSWORD");
        assertThat(label(robot, "#env-DB_PASSWORD")).isEqualTo("hunter2");
        Screenshots.save(robot, stage.getScene(), "details-overview-environment");
        assertThat(label(robot, "#env-GITHUB_TOKEN")).as("only the one asked for").isEqualTo(SecretMask.MASK);
        robot.clickOn("#reveal-DB_PASSWORD");
        assertThat(label(robot, "#env-DB_PASSWORD")).isEqualTo(SecretMask.MASK);

        robot.clickOn("#tab-inspect");
        JsonTreeView inspect = robot.lookup("#details-inspect").queryAs(JsonTreeView.class);
        assertThat(inspect.rootProperty().get()).isNotNull();
        robot.clickOn("#details-inspect .json-search").write("RestartPolicy");
        assertThat(inspect.getSelected().getValue().path()).isEqualTo(".HostConfig.RestartPolicy");
        Screenshots.save(robot, stage.getScene(), "details-inspect");

        robot.clickOn("#tab-logs");
        Screenshots.save(robot, stage.getScene(), "details-logs");
        robot.clickOn("#tab-stats");
        UiTestSupport.waitUntil("the stats tab shows numbers", 20,
                () -> label(robot, "#stats-summary").startsWith("CPU "));
        Screenshots.save(robot, stage.getScene(), "details-stats");

        robot.clickOn("#tab-diff");
        FileTreeView tree = robot.lookup("#diff-tree").queryAs(FileTreeView.class);
        UiTestSupport.waitUntil("the changes are listed", 20, () -> tree.getModel().find("bin/ls").isPresent());
        assertThat(label(robot, "#diff-summary")).startsWith("Files the container added, changed or deleted");
        assertThat(tree.getModel().find("srv/app/state")).get()
                .satisfies(n -> assertThat(n.kind()).isEqualTo(ChangeKind.ADDED));
        assertThat(tree.getModel().find("bin/ls")).get()
                .satisfies(n -> assertThat(n.kind()).isEqualTo(ChangeKind.REMOVED));
        assertThat(tree.getModel().find("bin")).get()
                .satisfies(n -> assertThat(n.kind()).isEqualTo(ChangeKind.MODIFIED));
        Screenshots.save(robot, stage.getScene(), "details-diff");

        // The pane follows the container: stopping it shows the new state and the exit code.
        robot.clickOn("#tab-overview");
        engine.containers().stop(id);
        UiTestSupport.waitUntil("the state follows", 20,
                () -> "exited".equals(robot.lookup("#details-state").queryAs(Badge.class).getText()));
        // Stopping sends several events, each redrawing the overview: wait for the code, not just the state.
        UiTestSupport.waitUntil("the exit code shows", 10, () -> "3".equals(label(robot, "#details-exit-code")));
        robot.clickOn("#toggle-dark");
        Screenshots.save(robot, stage.getScene(), "details-overview-dark");
        robot.clickOn("#toggle-dark");
        assertThat(engine.containers().inspect(id).state()).isEqualTo(ContainerState.EXITED);
    }

    @Test
    void aRemovedContainerSaysSoInsteadOfShowingStaleDetails(FxRobot robot) {
        String id = engine.containers().create(TestResources.sleeper("details-gone"));
        openDetails(robot, "details-gone");
        UiTestSupport.waitUntil("shown", 20, () -> TestResources.name("details-gone").equals(label(robot, "#details-name")));

        engine.containers().remove(id, true, false);

        UiTestSupport.waitUntil("the pane says the container is gone", 20, () -> {
            Label problem = robot.lookup("#details-problem").queryAs(Label.class);
            return problem.isVisible() && problem.getText().startsWith("No such container");
        });
    }

    private static void openDetails(FxRobot robot, String suffix) {
        robot.interact(() -> robot.lookup("#container-filter").queryAs(TextField.class)
                .setText(TestResources.name(suffix)));
        UiTestSupport.waitUntil("listed", 20, () -> row(robot, suffix) != null);
        robot.doubleClickOn(row(robot, suffix));
        UiTestSupport.waitUntil("details open", 20, () -> robot.lookup("#container-details").tryQuery().isPresent());
    }

    private static TreeTableRow<?> row(FxRobot robot, String suffix) {
        // Live CPU updates reuse the rows: look on the FX thread.
        return UiTestSupport.onFx(() -> robot.lookup(".tree-table-row-cell").queryAllAs(TreeTableRow.class).stream()
                .filter(r -> r.getItem() != null && r.getItem().toString().startsWith(TestResources.name(suffix) + " ("))
                .findFirst().orElse(null));
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).tryQueryAs(Label.class).map(Label::getText).orElse(null);
    }
}
