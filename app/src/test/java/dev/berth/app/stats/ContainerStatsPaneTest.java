package dev.berth.app.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.app.common.AppServices;
import dev.berth.app.theme.ThemeManager;
import dev.berth.engine.ContainerSpec;
import dev.berth.engine.Engine;
import dev.berth.stats.StatsHub;
import dev.berth.testing.RealEngine;
import dev.berth.testing.Screenshots;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestImages;
import dev.berth.testing.TestResources;
import dev.berth.testing.UiTestSupport;
import dev.berth.ui.chart.LiveChart;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The stats pane on a real busy container, in a real window. */
@RealEngine
@ExtendWith(ApplicationExtension.class)
class ContainerStatsPaneTest {

    private static Engine engine;
    private static AppServices services;
    private Stage stage;
    private StackPane host;
    private ThemeManager theme;

    @BeforeAll
    static void connect() {
        engine = TestEngine.shared();
        services = UiTestSupport.services(engine);
    }


    @Start
    void start(Stage stage) {
        this.stage = stage;
        host = new StackPane();
        Scene scene = new Scene(host, 1100, 640);
        theme = new ThemeManager(null);
        theme.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void chartsFillFromTheSharedStreamWhichClosesWithThePane(FxRobot robot) {
        String id = engine.containers().create(ContainerSpec.of(TestImages.BUSYBOX)
                .withName(TestResources.name("stats-pane"))
                .withCommand("sh", "-c", "trap 'exit 0' TERM; while true; do seq 1 3000 > /dev/null; "
                        + "wget -q -O /dev/null -T 1 http://127.0.0.1:1/ 2>/dev/null; sleep 0.05; done")
                .withLabel(TestResources.LABEL, TestResources.RUN_ID));
        engine.containers().start(id);
        StatsHub hub = StatsHub.of(engine);
        int before = hub.openStreams();
        ContainerStatsPane pane = new ContainerStatsPane(services);
        robot.interact(() -> {
            host.getChildren().setAll(pane.node());
            pane.show(id);
        });
        assertThat(hub.openStreams()).isEqualTo(before + 1);

        LiveChart cpu = robot.lookup("#stats-cpu").queryAs(LiveChart.class);
        UiTestSupport.waitUntil("a few samples", 20, () -> cpu.getSeries().get(0).points().size() >= 4);
        // The series take samples on the FX thread every second: read them there.
        assertThat(UiTestSupport.onFx(() -> cpu.getSeries().get(0).latest())).isPositive();
        LiveChart memory = robot.lookup("#stats-memory").queryAs(LiveChart.class);
        assertThat(UiTestSupport.onFx(() -> memory.getSeries().get(0).latest())).isPositive();
        assertThat(UiTestSupport.onFx(() -> robot.lookup("#stats-summary").queryAs(Label.class).getText()))
                .startsWith("CPU ").contains("PIDs");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, stage.getScene(), "stats-charts");
        robot.interact(() -> theme.darkProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, stage.getScene(), "stats-charts-dark");
        robot.interact(() -> theme.darkProperty().set(false));

        // A second pane on the same container joins the stream and starts with its history.
        ContainerStatsPane second = new ContainerStatsPane(services);
        robot.interact(() -> second.show(id));
        assertThat(hub.openStreams()).isEqualTo(before + 1);
        robot.interact(second::close);

        engine.containers().stop(id);
        UiTestSupport.waitUntil("the not-running note", 20,
                () -> robot.lookup("#stats-state").queryAs(Label.class).isVisible());

        robot.interact(pane::close);
        assertThat(hub.openStreams()).isEqualTo(before);
    }
}
