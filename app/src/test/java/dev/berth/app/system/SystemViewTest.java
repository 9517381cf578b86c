package dev.berth.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.app.shell.MainWindow;
import dev.berth.app.theme.ThemeManager;
import dev.berth.engine.ContainerSpec;
import dev.berth.engine.Engine;
import dev.berth.engine.SystemApi;
import dev.berth.testing.RealEngine;
import dev.berth.testing.Screenshots;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestImages;
import dev.berth.testing.TestResources;
import dev.berth.testing.UiTestSupport;
import dev.berth.ui.chart.UsageBar;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The System view in the real main window on the real engine. */
@RealEngine
@ExtendWith(ApplicationExtension.class)
class SystemViewTest {

    private static Engine engine;
    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void connect() {
        engine = TestEngine.shared();
    }

    @AfterAll
    static void cleanUp() {
        TestResources.removeAll(engine);
        TestResources.removeVolumes(engine);
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

    private SystemView open(FxRobot robot) {
        robot.clickOn("#nav-system");
        UiTestSupport.waitUntil("the disk use", 30, () -> robot.lookup("#disk-use").queryAs(javafx.scene.layout.GridPane.class)
                .getChildren().stream().anyMatch(n -> n instanceof UsageBar));
        return (SystemView) window.currentView();
    }

    @Test
    void showsDiskUseWithBarsAndTheEngineAndAsksBeforeCleaningUp(FxRobot robot) {
        open(robot);

        // Disk use and the engine's facts are two reads that land on the FX thread: read them there.
        assertThat(UiTestSupport.onFx(() -> robot.lookup("#disk-use").queryAs(javafx.scene.layout.GridPane.class)
                .getChildren().stream().filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).toList()))
                .contains(SystemApi.IMAGES, SystemApi.CONTAINERS, SystemApi.VOLUMES, SystemApi.BUILD_CACHE, "In all");
        String version = "Docker Engine " + engine.state().info().version();
        UiTestSupport.waitUntil("the engine's facts", 20, () -> robot.lookup("#engine-facts").query()
                .lookupAll(".label").stream().anyMatch(n -> n instanceof Label l && version.equals(l.getText())));
        assertThat(robot.lookup("#system-count").queryAs(Label.class).getText()).startsWith("Docker Engine ");
        Screenshots.save(robot, stage.getScene(), "system");

        robot.clickOn("#system-clean-up");
        DialogPane dialog = robot.lookup("#clean-up-dialog").queryAs(DialogPane.class);
        assertThat(robot.lookup("#clean-containers").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#clean-volumes").queryAs(CheckBox.class).isSelected())
                .as("volumes hold data that cannot be made again: not ticked unless asked").isFalse();
        Screenshots.save(robot, dialog.getScene(), "system-clean-up");
        // Cancelled: a clean-up here would reach everything unused on the engine, not only this run's.
        robot.clickOn(dialog.lookupButton(ButtonType.CANCEL));
    }

    @Test
    void aCleanUpRemovesTheChosenKindsAndReportsWhatItFreed(FxRobot robot) {
        Map<String, String> ours = Map.of(TestResources.LABEL, TestResources.RUN_ID);
        String stopped = engine.containers().create(ContainerSpec.of(TestImages.BUSYBOX)
                .withName(TestResources.name("clean-stopped")).withCommand("true")
                .withLabel(TestResources.LABEL, TestResources.RUN_ID));
        String volume = engine.volumes().create(TestResources.name("clean-vol"), "local", ours, Map.of());
        String network = TestResources.name("clean-net");
        engine.networks().create(network, "bridge", "", "", false, false, ours);
        SystemView view = open(robot);

        AtomicReference<SystemViewModel.CleanUpReport> report = new AtomicReference<>();
        robot.interact(() -> view.model().cleanUp(new CleanUpChoice(true, true, CleanUpChoice.Images.NONE, false, true),
                ours, report::set));

        UiTestSupport.waitUntil("the clean-up", 30, () -> report.get() != null);
        assertThat(report.get().failures()).isEmpty();
        assertThat(engine.containers().find(stopped)).isEmpty();
        assertThat(engine.volumes().list()).noneMatch(v -> v.name().equals(volume));
        assertThat(engine.networks().list()).noneMatch(n -> n.name().equals(network));
    }
}
