package dev.berth.app.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.app.common.AppServices;
import dev.berth.app.shell.MainWindow;
import dev.berth.app.theme.ThemeManager;
import dev.berth.engine.Engine;
import dev.berth.engine.build.BuildResult;
import dev.berth.engine.build.Builder;
import dev.berth.engine.build.BuildRequest;
import dev.berth.layers.Advice;
import dev.berth.layers.CacheExplanation;
import dev.berth.layers.ImageStep;
import dev.berth.testing.BuildContexts;
import dev.berth.testing.RealEngine;
import dev.berth.testing.Screenshots;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestImages;
import dev.berth.testing.TestResources;
import dev.berth.testing.UiTestSupport;
import dev.berth.ui.filetree.ChangeKind;
import dev.berth.ui.filetree.FileTreeModel;
import dev.berth.ui.filetree.FileTreeView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The inspector's window on images the real engine built, driven like a person would. */
@RealEngine
@ExtendWith(ApplicationExtension.class)
class LayerInspectorWindowTest {

    private static final Engine engine = TestEngine.shared();
    private static final List<String> APP = List.of(
            "FROM " + TestImages.BUSYBOX,
            "ENV APP_HOME=/app",
            "WORKDIR /app",
            "COPY . .",
            "RUN mkdir -p /app/cache && dd if=/dev/zero of=/app/cache/big bs=1024 count=300 2>/dev/null"
                    + " && echo one > /app/data.txt && echo two > /app/notes.txt",
            "RUN echo changed > /app/data.txt && rm /app/notes.txt && rm -rf /app/cache",
            "RUN ln -s /app/data.txt /app/link",
            "CMD [\"sh\"]");
    private static Path context;
    private static String v1;
    private static String v2;

    private MainWindow main;
    private AppServices services;
    private ThemeManager theme;
    private LayerInspectorWindow window;

    @BeforeAll
    static void buildImages() throws IOException {
        context = BuildContexts.twoFiles("inspector");
        Files.writeString(context.resolve("Dockerfile"), String.join("\n", APP) + "\n");
        Files.writeString(context.resolve(".dockerignore"), "busybox\n");
        v1 = build("app-v1");
        Files.writeString(context.resolve("second.txt"), "second, edited " + TestResources.RUN_ID + "\n");
        v2 = build("app-v2");
    }

    private static String build(String name) {
        BuildResult result = engine.builds().build(BuildRequest.of(context, Builder.CLASSIC)
                .withTags(tag(name)).withLabel(TestResources.LABEL, TestResources.RUN_ID));
        assertThat(result.succeeded()).as(String.valueOf(result.error())).isTrue();
        return result.imageId();
    }

    private static String tag(String name) {
        return TestResources.name("inspector-" + name) + ":1";
    }

    @AfterAll
    static void cleanUp() {
        BuildContexts.delete(context);
        TestResources.removeImages(engine);
    }

    @Start
    void start(Stage stage) {
        theme = new ThemeManager(null);
        main = UiTestSupport.show(stage, engine, theme);
        services = UiTestSupport.services(engine);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            if (window != null) {
                window.stage().close();
            }
            main.close();
        });
    }

    private LayerInspectorViewModel open(FxRobot robot, String reference) {
        robot.interact(() -> window = LayerInspectorWindow.open(services, reference));
        LayerInspectorViewModel model = window.view().model();
        UiTestSupport.waitUntil("the image has been read", 60,
                () -> model.phaseProperty().get() == LayerInspectorViewModel.Phase.READY);
        return model;
    }

    private static ImageStep step(LayerInspectorViewModel model, String startsWith) {
        return model.steps().stream().filter(s -> s.instruction().text().startsWith(startsWith)).findFirst().orElseThrow();
    }

    @Test
    void theLayerListShowsEachStepsFilesAndTheWholeFilesystem(FxRobot robot) {
        LayerInspectorViewModel model = open(robot, tag("app-v2"));

        TableView<?> steps = robot.lookup("#layer-steps").queryAs(TableView.class);
        assertThat(steps.getItems()).hasSize(model.steps().size());
        assertThat(robot.lookup(".table-row-cell").queryAll().stream()
                .filter(n -> n.getPseudoClassStates().toString().contains("empty-step")).count()).isGreaterThanOrEqualTo(2);

        ImageStep change = step(model, "RUN echo changed");
        robot.interact(() -> model.files().selectedStepProperty().set(change));
        UiTestSupport.waitUntil("the step's changes are shown", 15, () -> treeModel(robot).find("app/notes.txt").isPresent());
        FileTreeModel changes = treeModel(robot);
        assertThat(changes.find("app/notes.txt").orElseThrow().kind()).isEqualTo(ChangeKind.REMOVED);
        assertThat(changes.find("app/data.txt").orElseThrow().kind()).isEqualTo(ChangeKind.MODIFIED);
        assertThat(changes.find("app/cache/big").orElseThrow().kind()).isEqualTo(ChangeKind.REMOVED);
        assertThat(changes.find("bin/busybox")).isEmpty();
        robot.interact(() -> robot.lookup("#layer-file-tree").queryAs(FileTreeView.class).expandAll());
        assertThat(robot.lookup("#layer-tree-caption").queryAs(Label.class).getText())
                .startsWith("Step " + change.number() + " · layer");
        Screenshots.save(robot, window.stage().getScene(), "layers-list-and-tree");

        robot.clickOn("#layer-whole-filesystem");
        UiTestSupport.waitUntil("the whole filesystem is shown", 15, () -> treeModel(robot).find("bin/busybox").isPresent());
        assertThat(treeModel(robot).find("bin/busybox").orElseThrow().kind()).isEqualTo(ChangeKind.UNCHANGED);
        assertThat(treeModel(robot).find("app/notes.txt").orElseThrow().kind()).isEqualTo(ChangeKind.REMOVED);
        Screenshots.save(robot, window.stage().getScene(), "layers-whole-filesystem");

        robot.clickOn("#tab-efficiency");
        Label score = robot.lookup("#efficiency-score").queryAs(Label.class);
        assertThat(score.getText()).endsWith("%");
        assertThat(score.getFont().getSize()).as("the inspector's styles apply").isGreaterThan(20);
        assertThat(robot.lookup("#efficiency-wastes").queryAs(TableView.class).getItems()).isNotEmpty();
        Screenshots.save(robot, window.stage().getScene(), "layers-efficiency");

        robot.clickOn("#tab-advice");
        UiTestSupport.waitUntil("advice is shown", 15, () -> !model.advice().items().isEmpty());
        assertThat(model.advice().items()).extracting(Advice::kind).contains(Advice.Kind.ADDED_THEN_DELETED,
                Advice.Kind.MANY_RUN_STEPS);
        assertThat(robot.lookup(".advice-card").queryAll()).hasSize(model.advice().items().size());
        Screenshots.save(robot, window.stage().getScene(), "layers-advice");

        robot.interact(() -> theme.darkProperty().set(true));
        robot.clickOn("#tab-layers");
        Screenshots.save(robot, window.stage().getScene(), "layers-dark");
        robot.interact(() -> theme.darkProperty().set(false));
    }

    @Test
    void comparingTwoVersionsShowsTheSharedLayersAndTheFilesThatDiffer(FxRobot robot) {
        open(robot, tag("app-v2"));

        robot.clickOn("#tab-compare");
        robot.clickOn(robot.lookup("#compare-other").queryAs(ComboBox.class).getEditor()).write(tag("app-v1"));
        robot.clickOn("#compare-run");
        UiTestSupport.waitUntil("the comparison is shown", 30,
                () -> window.view().model().comparison().resultProperty().get() != null);

        String headline = robot.lookup("#compare-headline").queryAs(Label.class).getText();
        int base = engine.layers().inspect(TestImages.BUSYBOX).diffIds().size();
        // WORKDIR makes a layer in the classic builder; the COPY is where v1 and v2 part.
        assertThat(headline).startsWith("They share the first " + (base + 1) + " layers");
        FileTreeModel diff = robot.lookup("#compare-file-tree").queryAs(FileTreeView.class).getModel();
        assertThat(diff.find("app/second.txt").orElseThrow().kind()).isEqualTo(ChangeKind.MODIFIED);
        assertThat(diff.find("app/first.txt")).isEmpty();
        robot.interact(() -> robot.lookup("#compare-file-tree").queryAs(FileTreeView.class).expandAll());
        Screenshots.save(robot, window.stage().getScene(), "layers-compare");
    }

    @Test
    void theCacheExplanationNamesTheStepAndTheEditedFile(FxRobot robot) {
        open(robot, tag("app-v2"));

        robot.clickOn("#tab-cache");
        robot.clickOn(robot.lookup("#cache-previous").queryAs(ComboBox.class).getEditor()).write(tag("app-v1"));
        robot.interact(() -> {
            robot.lookup("#cache-dockerfile").queryAs(TextField.class).setText(context.resolve("Dockerfile").toString());
            robot.lookup("#cache-context").queryAs(TextField.class).setText(context.toString());
        });
        robot.clickOn("#cache-explain");
        UiTestSupport.waitUntil("the explanation is shown", 30,
                () -> window.view().model().cacheExplanation().resultProperty().get() != null);

        CacheExplanation why = window.view().model().cacheExplanation().resultProperty().get();
        assertThat(why.verdict()).isEqualTo(CacheExplanation.Verdict.FILES_CHANGED);
        assertThat(robot.lookup("#cache-where").queryAs(Label.class).getText()).isEqualTo("Step "
                + why.step().number() + " (line 4): COPY . .");
        assertThat(robot.lookup("#cache-files").queryAs(TableView.class).getItems()).hasSize(1);
        assertThat(why.files().get(0).contextPath()).isEqualTo("second.txt");
        Screenshots.save(robot, window.stage().getScene(), "layers-cache-explanation");
    }

    @Test
    void theImagesViewOpensTheInspectorOncePerImage(FxRobot robot) {
        robot.clickOn("#nav-images");
        @SuppressWarnings("unchecked")
        TableView<dev.berth.app.images.ImageRow> images = robot.lookup("#images-table").queryAs(TableView.class);
        UiTestSupport.waitUntil("the image is listed", 15,
                () -> images.getItems().stream().anyMatch(r -> r.id().equals(v1)));
        robot.interact(() -> {
            images.getSelectionModel().clearSelection();
            images.getItems().stream().filter(r -> r.id().equals(v1)).findFirst()
                    .ifPresent(r -> images.getSelectionModel().select(r));
        });
        robot.clickOn("#images-more");
        robot.clickOn("Inspect layers…");

        UiTestSupport.waitUntil("the inspector window opens", 15, () -> inspectorWindows() == 1);
        robot.interact(() -> window = LayerInspectorWindow.open(services, v1));
        assertThat(inspectorWindows()).isEqualTo(1);
        UiTestSupport.waitUntil("it reads the image", 30,
                () -> window.view().model().phaseProperty().get() == LayerInspectorViewModel.Phase.READY);
        assertThat(window.stage().getTitle()).isEqualTo("Layers of " + tag("app-v1") + " · Berth");
    }

    private static long inspectorWindows() {
        return Window.getWindows().stream().filter(w -> w.getScene() != null
                && "layer-inspector".equals(w.getScene().getRoot().getId())).count();
    }

    private static FileTreeModel treeModel(FxRobot robot) {
        Node tree = robot.lookup("#layer-file-tree").query();
        return ((FileTreeView) tree).getModel();
    }
}
