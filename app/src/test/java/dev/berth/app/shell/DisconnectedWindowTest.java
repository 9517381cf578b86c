package dev.berth.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.app.theme.ThemeManager;
import dev.berth.engine.Engine;
import dev.berth.engine.EngineEndpoint;
import dev.berth.testing.Screenshots;
import dev.berth.testing.SocketProxy;
import dev.berth.testing.RealEngine;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestResources;
import dev.berth.testing.UiTestSupport;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window when the engine is away: it opens anyway, says what it tried, and fills in by itself
 * when the engine comes back. The engine's socket is reached through a relay the test can cut.
 */
@RealEngine
@ExtendWith(ApplicationExtension.class)
class DisconnectedWindowTest {

    private static Path dir;
    private SocketProxy proxy;
    private Engine engine;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        dir = Files.createTempDirectory("berth-relay");
        Path engineSocket = Path.of(URI.create(TestEngine.endpoint().uri()).getPath());
        proxy = new SocketProxy(dir.resolve("engine.sock"), engineSocket);
        engine = new Engine(() -> List.of(new EngineEndpoint(proxy.uri(), "test relay")));
        window = UiTestSupport.show(stage, engine, new ThemeManager(null));
        engine.start();
    }

    @AfterEach
    void close(FxRobot robot) throws IOException {
        robot.interact(() -> window.close());
        engine.close();
        proxy.close();
    }

    @Test
    void withNoEngineTheWindowShowsWhatItTriedAndFillsInWhenTheEngineAppears(FxRobot robot) throws IOException {
        UiTestSupport.waitUntil("the banner is shown", 10, () -> robot.lookup("#connection-banner").query().isVisible());
        // The banner is filled again on every retry: read it on the FX thread, between two fills.
        assertThat(UiTestSupport.onFx(() -> robot.lookup("#connection-banner").lookup(".attempt-uri")
                .queryAs(Label.class).getText())).isEqualTo(proxy.uri());
        assertThat(UiTestSupport.onFx(() -> robot.lookup("#connection-banner").lookup(".attempt-failure")
                .queryAs(Label.class).getText())).startsWith("Cannot reach the engine");
        assertThat(robot.lookup("#connection-state").queryAs(Label.class).getText()).startsWith("Disconnected");
        assertThat(robot.lookup("#container-run").query().isDisabled()).as("nothing to run a container on").isTrue();
        assertThat(robot.lookup("#containers-table .placeholder-text").queryAs(Label.class).getText())
                .startsWith("Not connected to the engine.");
        Screenshots.save(robot, stage.getScene(), "disconnected");
        // The Compose page says the same and offers nothing that needs the engine.
        robot.clickOn("#nav-compose");
        assertThat(robot.lookup("#stacks-list .placeholder-text").queryAs(Label.class).getText())
                .startsWith("Not connected to the engine.");
        assertThat(robot.lookup("#compose-up").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#compose-down").query().isDisabled()).isTrue();
        robot.clickOn("#nav-containers");

        String id = TestEngine.shared().containers().create(
                TestResources.sleeper("ui-appears"));
        proxy.start();
        robot.clickOn("#retry-now");

        UiTestSupport.waitUntil("connected", 30,
                () -> robot.lookup("#connection-state").queryAs(Label.class).getText().equals("Connected"));
        UiTestSupport.waitUntil("the new container is listed", 30, () -> listed(robot, id));
        assertThat(robot.lookup("#connection-banner").query().isVisible()).isFalse();
        assertThat(robot.lookup("#container-run").query().isDisabled()).isFalse();
    }

    @Test
    void losingTheEngineShowsDisconnectedAndReconnectingMakesTheListCurrent(FxRobot robot) throws IOException {
        proxy.start();
        UiTestSupport.waitUntil("connected", 30,
                () -> robot.lookup("#connection-state").queryAs(Label.class).getText().equals("Connected"));

        proxy.stop();
        UiTestSupport.waitUntil("disconnected", 30,
                () -> robot.lookup("#connection-state").queryAs(Label.class).getText().startsWith("Disconnected"));
        Node banner = robot.lookup("#connection-banner").query();
        assertThat(banner.isVisible()).isTrue();

        // Changed while Berth could not see the engine: must show up after reconnecting.
        String id = TestEngine.shared().containers().create(TestResources.sleeper("ui-while-away"));
        proxy.start();

        UiTestSupport.waitUntil("reconnected", 30,
                () -> robot.lookup("#connection-state").queryAs(Label.class).getText().equals("Connected"));
        UiTestSupport.waitUntil("the list is current", 30, () -> listed(robot, id));
    }

    private static boolean listed(FxRobot robot, String id) {
        TreeTableView<?> table = robot.lookup("#containers-table").queryAs(TreeTableView.class);
        for (int i = 0; i < table.getExpandedItemCount(); i++) {
            if (table.getTreeItem(i).getValue() instanceof dev.berth.app.containers.ContainerRow row && row.id().equals(id)) {
                return true;
            }
        }
        return false;
    }
}
