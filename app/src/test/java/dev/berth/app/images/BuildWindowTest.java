package dev.berth.app.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.app.common.AppServices;
import dev.berth.engine.Engine;
import dev.berth.engine.build.Builder;
import dev.berth.testing.BuildContexts;
import dev.berth.testing.RealEngine;
import dev.berth.testing.Screenshots;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestResources;
import dev.berth.testing.UiTestSupport;
import dev.berth.ui.badge.Badge;
import dev.berth.ui.codeeditor.CodeEditor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

/** The build window on the real engine: live steps with cache badges, lines, problems before a build. */
@RealEngine
@ExtendWith(ApplicationExtension.class)
class BuildWindowTest {

    private static Engine engine;
    private static final String TAG = TestResources.name("ui-build") + ":1";
    private Stage stage;
    private AppServices services;
    private Path context;
    private BuildWindow window;

    @BeforeAll
    static void connect() {
        engine = TestEngine.shared();
    }

    @AfterAll
    static void cleanUp() {
        if (engine.images().exists(TAG)) {
            engine.images().remove(TAG, true);
        }
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

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.stage().close());
        BuildContexts.delete(context);
    }

    @Test
    void aSecondBuildShowsEveryStepWithACacheBadgeAndStepsLeadToTheirLines(FxRobot robot) {
        context = BuildContexts.twoFiles("ui-build");
        robot.interact(() -> window = BuildWindow.open(services, stage, context));
        BuildViewModel model = window.model();
        robot.interact(() -> {
            model.tagsProperty().set(TAG);
            model.builderProperty().set(Builder.BUILDKIT);
        });

        robot.clickOn("#build-start");
        UiTestSupport.waitUntil("the first build is done", 60, () -> model.stateProperty().get() == BuildViewModel.State.SUCCEEDED);
        assertThat(dockerfileRows(model)).filteredOn(r -> r.step().instruction().contains("first.txt"))
                .allMatch(r -> r.status().equals("built"));

        robot.clickOn("#build-start");
        UiTestSupport.waitUntil("the second build is done", 60, () -> model.stateProperty().get() == BuildViewModel.State.SUCCEEDED);

        assertThat(dockerfileRows(model)).hasSize(6).allMatch(r -> r.status().equals("cached"));
        UiTestSupport.waitUntil("six cache badges are drawn", 5, () -> robot.lookup("#build-steps .badge")
                .queryAllAs(Badge.class).stream().filter(b -> b.isVisible() && b.getText().equals("cached")).count() >= 6);
        assertThat(robot.lookup("#build-status").queryAs(Label.class).getText()).contains("6 of 6 steps from the cache");
        assertThat(robot.lookup("#build-run").query().isVisible()).isTrue();

        // BuildKit names no layer per step; each step's layer is read from the image's history.
        List<String> layers = engine.layers().inspect(TAG).diffIds();
        assertThat(layers).hasSize(6);
        UiTestSupport.waitUntil("each step shows its layer", 20, () -> dockerfileRows(model).stream().allMatch(r ->
                r.step().keyword().equals("FROM") || r.layer() != null));
        List<StepRow> made = dockerfileRows(model).stream().filter(r -> !r.step().keyword().equals("FROM"))
                .sorted(java.util.Comparator.comparingInt(r -> r.step().number())).toList();
        for (int i = 0; i < made.size(); i++) {
            assertThat(made.get(i).layer()).as(made.get(i).step().instruction())
                    .startsWith(layers.get(i).substring("sha256:".length(), "sha256:".length() + 12));
        }

        StepRow copySecond = dockerfileRows(model).stream()
                .filter(r -> r.step().instruction().equals("COPY second.txt /second.txt")).findFirst().orElseThrow();
        assertThat(copySecond.line()).isEqualTo(6);
        robot.interact(() -> window.stepsTable().getSelectionModel().select(copySecond));
        assertThat(window.editor().markedLines(CodeEditor.Mark.CURRENT)).containsExactly(6);
        assertThat(window.editor().caretLineProperty().get()).isEqualTo(6);
        Screenshots.save(robot, window.stage().getScene(), "build-cache-hits");
    }

    @Test
    void aDockerfileProblemIsMarkedAtItsLineAndNothingIsBuilt(FxRobot robot) throws Exception {
        context = BuildContexts.twoFiles("ui-build-bad");
        String bad = String.join("\n", BuildContexts.DOCKERFILE.subList(0, 3)) + "\nCOPYY first.txt /first.txt\n";
        Files.writeString(context.resolve("Dockerfile"), bad);
        robot.interact(() -> window = BuildWindow.open(services, stage, context));

        assertThat(window.editor().markedLines(CodeEditor.Mark.ERROR)).containsExactly(4);
        assertThat(robot.lookup("#dockerfile-problems").queryAs(Label.class).getText())
                .isEqualTo("Line 4: unknown instruction: COPYY");

        robot.clickOn("#build-start");

        assertThat(robot.lookup("#build-problem").queryAs(Label.class).getText())
                .isEqualTo("Dockerfile line 4: unknown instruction: COPYY");
        assertThat(window.model().stateProperty().get()).isEqualTo(BuildViewModel.State.IDLE);
        assertThat(window.model().steps()).isEmpty();
        Screenshots.save(robot, window.stage().getScene(), "build-dockerfile-problem");
    }

    private static List<StepRow> dockerfileRows(BuildViewModel model) {
        // The FX thread keeps filling in layers after the build; read the rows where they change.
        return UiTestSupport.onFx(() -> model.steps().stream().filter(r -> r.step().cacheable()).toList());
    }
}
