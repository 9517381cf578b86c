package dev.berth.app.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.app.common.AppServices;
import dev.berth.engine.Cancellation;
import dev.berth.engine.Engine;
import dev.berth.engine.registry.DockerConfig;
import dev.berth.engine.transfer.LayerProgress;
import dev.berth.engine.transfer.TransferListener;
import dev.berth.testing.BuildContexts;
import dev.berth.testing.RealEngine;
import dev.berth.testing.Screenshots;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestRegistry;
import dev.berth.testing.TestResources;
import dev.berth.testing.ThrottledProxy;
import dev.berth.testing.UiTestSupport;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Pulling in the real window from a real registry on 127.0.0.1, slowed down by a relay so the
 * per-layer progress can be watched: a 12 MB layer at 3 MB/s.
 */
@RealEngine
@ExtendWith(ApplicationExtension.class)
class PullWindowTest {

    private static Engine engine;
    private static TestRegistry registry;
    private static ThrottledProxy slow;
    private static Path configDir;
    private static String remote;
    private Stage stage;
    private AppServices services;

    @BeforeAll
    static void pushAnImageToASlowRegistry() throws Exception {
        engine = TestEngine.shared();
        registry = TestRegistry.start();
        slow = new ThrottledProxy(registry.port(), 3_000_000);
        configDir = Files.createTempDirectory("berth-ui-docker-config");
        // The pull window reads credentials where the CLI keeps them; point that at a temporary folder.
        System.setProperty("berth.docker.config", configDir.toString());
        DockerConfig config = DockerConfig.forThisUser();
        engine.registries().login(config, slow.host(), TestRegistry.USER, registry.password());

        Path dir = BuildContexts.twoFiles("ui-pull");
        byte[] noise = new byte[12_000_000];
        new Random(42).nextBytes(noise);
        try (OutputStream out = Files.newOutputStream(dir.resolve("second.txt"))) {
            out.write(noise);
        }
        String local = TestResources.name("ui-pull") + ":1";
        remote = slow.host() + "/berth/" + TestResources.name("ui-pull") + ":1";
        try {
            engine.images().build(dir, local, Map.of(TestResources.LABEL, TestResources.RUN_ID));
        } finally {
            BuildContexts.delete(dir);
        }
        engine.images().tag(local, remote);
        engine.registries().push(remote, config, TransferListener.NONE, new Cancellation());
        engine.images().remove(remote, false);
        engine.images().remove(local, false);
    }

    @AfterAll
    static void stop() throws Exception {
        TestResources.removeImages(engine);
        System.clearProperty("berth.docker.config");
        slow.close();
        registry.close();
        BuildContexts.delete(configDir);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        services = UiTestSupport.services(engine);
        javafx.scene.Scene scene = new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 200, 100);
        new dev.berth.app.theme.ThemeManager(null).install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void pullShowsEachLayerAndTheOverallBarUntilDone(FxRobot robot) {
        TransferWindow[] window = new TransferWindow[1];
        robot.interact(() -> window[0] = TransferWindow.pull(services, stage, remote));
        TransferViewModel model = window[0].model();

        robot.clickOn("#transfer-start");

        UiTestSupport.waitUntil("a layer is downloading", 30, () -> model.layers().stream()
                .anyMatch(l -> l.phase() == LayerProgress.Phase.DOWNLOADING && l.current() > 500_000));
        UiTestSupport.waitUntil("the pull is under way", 30, () -> model.overallProperty().get() > 0.1);
        assertThat(model.overallProperty().get()).isLessThan(0.95);
        assertThat(robot.lookup("#transfer-overall-label").queryAs(Label.class).getText()).contains("%").contains(" of ");
        Screenshots.save(robot, window[0].stage().getScene(), "pull-in-progress");

        UiTestSupport.waitUntil("the pull is done", 60, () -> model.stateProperty().get() == TransferViewModel.State.DONE);
        assertThat(model.overallProperty().get()).isEqualTo(1.0);
        assertThat(model.layers()).isNotEmpty().allMatch(l -> l.phase().isFinished());
        assertThat(model.layers()).anyMatch(l -> l.status().equals("Pull complete"));
        assertThat(model.messageProperty().get()).contains("Downloaded newer image for " + remote);
        assertThat(engine.images().exists(remote)).isTrue();
        robot.interact(() -> window[0].stage().close());
        engine.images().remove(remote, false);
    }

    @Test
    void aBadReferenceIsExplainedAndNothingStarts(FxRobot robot) {
        TransferWindow[] window = new TransferWindow[1];
        robot.interact(() -> window[0] = TransferWindow.pull(services, stage, "Not/A:Valid:Ref"));

        robot.clickOn("#transfer-start");

        assertThat(robot.lookup("#transfer-problem").queryAs(Label.class).getText()).isNotBlank();
        assertThat(window[0].model().stateProperty().get()).isEqualTo(TransferViewModel.State.IDLE);
        robot.interact(() -> window[0].stage().close());
    }
}
