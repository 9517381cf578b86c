package dev.berth.app.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.app.shell.MainWindow;
import dev.berth.app.theme.ThemeManager;
import dev.berth.engine.ContainerSpec;
import dev.berth.engine.Engine;
import dev.berth.testing.BuildContexts;
import dev.berth.testing.RealEngine;
import dev.berth.testing.Screenshots;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestResources;
import dev.berth.testing.UiTestSupport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
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

/** The images view in the real main window on the real engine. */
@RealEngine
@ExtendWith(ApplicationExtension.class)
class ImagesViewTest {

    private static Engine engine;
    private static String appTag;
    private static String aliasTag;
    private static String containerName;
    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void images() {
        engine = TestEngine.shared();
        appTag = TestResources.name("ui-app") + ":1.0";
        aliasTag = TestResources.name("ui-app") + ":latest";
        Path dir = BuildContexts.twoFiles("ui-list");
        try {
            engine.images().build(dir, appTag, Map.of(TestResources.LABEL, TestResources.RUN_ID));
            BuildContexts.write(dir, "second.txt", "other " + TestResources.RUN_ID);
            engine.images().build(dir, TestResources.name("ui-dangling") + ":1", Map.of(TestResources.LABEL, TestResources.RUN_ID));
            BuildContexts.write(dir, "second.txt", "third " + TestResources.RUN_ID);
            // Moving the tag leaves the previous image untagged: a dangling row.
            engine.images().build(dir, TestResources.name("ui-dangling") + ":1", Map.of(TestResources.LABEL, TestResources.RUN_ID));
        } finally {
            BuildContexts.delete(dir);
        }
        engine.images().tag(appTag, aliasTag);
        containerName = TestResources.name("ui-image-user");
        engine.containers().create(ContainerSpec.of(appTag).withName(containerName).withCommand("true")
                .withLabel(TestResources.LABEL, TestResources.RUN_ID));
    }

    @AfterAll
    static void cleanUp() {
        TestResources.removeAll(engine);
        TestResources.removeImages(engine);
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

    @Test
    void listsEveryTagDanglingImagesAndWhichContainersUseAnImage(FxRobot robot) {
        robot.clickOn("#nav-images");
        TableView<ImageRow> table = robot.lookup("#images-table").queryTableView();

        UiTestSupport.waitUntil("our images are listed", 15, () -> row(table, appTag) != null && row(table, aliasTag) != null);
        ImageRow app = row(table, appTag);
        assertThat(app.usedBy()).containsExactly(containerName);
        assertThat(app.repositoryProperty().get()).isEqualTo(TestResources.name("ui-app"));
        assertThat(app.tagProperty().get()).isEqualTo("1.0");
        assertThat(UiTestSupport.onFx(() -> List.copyOf(table.getItems()))).anyMatch(r -> r.isDangling() && r.repositoryProperty().get().equals("<none>"));
        Screenshots.save(robot, stage.getScene(), "images");

        robot.clickOn("#images-filter").write(TestResources.RUN_ID);
        UiTestSupport.waitUntil("the filter keeps only our rows", 5, () -> table.getItems().stream()
                .allMatch(r -> r.reference().contains(TestResources.RUN_ID)) && table.getItems().size() >= 3);

        robot.clickOn("#images-dangling");
        UiTestSupport.waitUntil("only dangling rows remain", 5, () -> table.getItems().stream().allMatch(ImageRow::isDangling));
        robot.clickOn("#images-dangling");
    }

    @Test
    void removingAnImageInUseIsRefusedAndNamesTheContainer(FxRobot robot) {
        robot.clickOn("#nav-images");
        TableView<ImageRow> table = robot.lookup("#images-table").queryTableView();
        UiTestSupport.waitUntil("our images are listed", 15, () -> row(table, appTag) != null && row(table, aliasTag) != null);
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(row(table, appTag));
            table.getSelectionModel().select(row(table, aliasTag));
        });

        robot.clickOn("#image-remove");

        DialogPane refusal = robot.lookup("#refuse-remove-in-use").queryAs(DialogPane.class);
        assertThat(refusal.getContentText()).contains("is used by the container " + containerName);
        Screenshots.save(robot, refusal.getScene(), "images-remove-in-use");
        robot.clickOn((Node) refusal.lookupButton(javafx.scene.control.ButtonType.CANCEL));
        assertThat(engine.images().exists(appTag)).isTrue();
        assertThat(engine.images().exists(aliasTag)).isTrue();
    }

    @Test
    void removingOneTagOfSeveralAsksFirstAndOnlyUntags(FxRobot robot) {
        robot.clickOn("#nav-images");
        TableView<ImageRow> table = robot.lookup("#images-table").queryTableView();
        String extra = TestResources.name("ui-extra") + ":x";
        engine.images().tag(appTag, extra);
        UiTestSupport.waitUntil("the extra tag is listed", 15, () -> row(table, extra) != null);
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(row(table, extra));
        });

        robot.clickOn("#image-remove");
        DialogPane confirm = robot.lookup("#confirm-remove-image").queryAs(DialogPane.class);
        assertThat(confirm.getHeaderText()).isEqualTo("Untag " + extra + "?");
        robot.clickOn((Button) confirm.lookupButton(confirm.getButtonTypes().get(0)));

        UiTestSupport.waitUntil("the tag is gone from the list", 15, () -> row(table, extra) == null);
        assertThat(engine.images().exists(extra)).isFalse();
        assertThat(engine.images().exists(appTag)).isTrue();
    }

    private static ImageRow row(TableView<ImageRow> table, String repoTag) {
        // Reloads change the rows on the FX thread; read them there.
        return UiTestSupport.onFx(() -> table.getItems().stream().filter(r -> repoTag.equals(r.repoTag())).findFirst().orElse(null));
    }
}
