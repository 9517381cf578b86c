package dev.berth.app.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.app.common.ItemList;
import dev.berth.app.shell.MainWindow;
import dev.berth.app.theme.ThemeManager;
import dev.berth.engine.ContainerSpec;
import dev.berth.engine.Engine;
import dev.berth.engine.MountSpec;
import dev.berth.engine.VolumeSummary;
import dev.berth.testing.Await;
import dev.berth.testing.RealEngine;
import dev.berth.testing.Screenshots;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestImages;
import dev.berth.testing.TestResources;
import dev.berth.testing.UiTestSupport;
import dev.berth.ui.jsontree.JsonTreeView;
import java.time.Duration;
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

/** The volumes view in the real main window on the real engine. */
@RealEngine
@ExtendWith(ApplicationExtension.class)
class VolumesViewTest {

    private static final Map<String, String> OURS = Map.of(TestResources.LABEL, TestResources.RUN_ID);
    private static Engine engine;
    private static String data;
    private static String spare;
    private static String user;
    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void volumes() {
        engine = TestEngine.shared();
        data = engine.volumes().create(TestResources.name("ui-data"), "local",
                Map.of(TestResources.LABEL, TestResources.RUN_ID, "tier", "db"), Map.of());
        spare = engine.volumes().create(TestResources.name("ui-spare"), "local", OURS, Map.of());
        user = TestResources.name("ui-volume-user");
        String writer = engine.containers().create(ContainerSpec.of(TestImages.BUSYBOX).withName(user)
                .withCommand("dd", "if=/dev/zero", "of=/data/blob", "bs=1024", "count=512")
                .withMounts(List.of(new MountSpec(MountSpec.Kind.VOLUME, data, "/data", false, 0)))
                .withLabel(TestResources.LABEL, TestResources.RUN_ID));
        engine.containers().start(writer);
        Await.until("the writer to finish", Duration.ofSeconds(20),
                () -> !engine.containers().inspect(writer).state().isRunning());
    }

    @AfterAll
    static void cleanUp() {
        TestResources.removeAll(engine);
        TestResources.removeVolumes(engine);
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

    private static List<String> lines(DialogPane dialog) {
        return ItemList.items(dialog);
    }

    private static VolumeRow row(TableView<VolumeRow> table, String name) {
        // Reloads change the rows on the FX thread; read them there.
        return UiTestSupport.onFx(() -> table.getItems().stream().filter(r -> r.name().equals(name)).findFirst().orElse(null));
    }

    private TableView<VolumeRow> open(FxRobot robot) {
        robot.clickOn("#nav-volumes");
        TableView<VolumeRow> table = robot.lookup("#volumes-table").queryTableView();
        UiTestSupport.waitUntil("our volumes are listed", 15, () -> row(table, data) != null && row(table, spare) != null);
        return table;
    }

    private static void select(FxRobot robot, TableView<VolumeRow> table, String... names) {
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            for (String name : names) {
                table.getSelectionModel().select(row(table, name));
            }
        });
    }

    @Test
    void listsVolumesWithWhoMountsThemTheirSizeAndDetails(FxRobot robot) {
        TableView<VolumeRow> table = open(robot);

        assertThat(row(table, data).usedBy()).containsExactly(user);
        assertThat(row(table, spare).isInUse()).isFalse();
        UiTestSupport.waitUntil("sizes", 30, () -> row(table, data).size() >= 512 * 1024);
        assertThat(row(table, spare).size()).isZero();

        select(robot, table, data);
        UiTestSupport.waitUntil("the inspect document", 10, () -> {
            String json = robot.lookup("#volume-inspect").queryAs(JsonTreeView.class).getJson();
            return json != null && json.contains(data);
        });
        assertThat(robot.lookup("#volume-facts").query().lookupAll(".label").stream().map(n -> ((Label) n).getText()))
                .contains(user, data, TestResources.LABEL + "=" + TestResources.RUN_ID + "\ntier=db");
        Screenshots.save(robot, stage.getScene(), "volumes");

        robot.clickOn("#volumes-filter").write(TestResources.RUN_ID);
        robot.clickOn("#volumes-unused");
        UiTestSupport.waitUntil("only our unused volumes", 5, () -> row(table, spare) != null && row(table, data) == null
                && table.getItems().stream().allMatch(r -> !r.isInUse() && r.name().contains(TestResources.RUN_ID)));
        robot.clickOn("#volumes-unused");
    }

    @Test
    void createChecksTheNameAsItIsTypedAndTheNewVolumeAppears(FxRobot robot) {
        TableView<VolumeRow> table = open(robot);
        String name = TestResources.name("ui-created");

        robot.clickOn("#volume-create");
        DialogPane dialog = robot.lookup("#create-volume-dialog").queryAs(DialogPane.class);
        Button create = (Button) dialog.lookupButton(dialog.getButtonTypes().get(0));
        robot.clickOn("#volume-name").write("-bad name");
        assertThat(robot.lookup("#volume-problem").queryAs(Label.class).getText()).startsWith("A volume name uses letters");
        assertThat(create.isDisabled()).isTrue();
        robot.interact(() -> robot.lookup("#volume-name").queryTextInputControl().setText(spare));
        assertThat(robot.lookup("#volume-problem").queryAs(Label.class).getText()).isEqualTo(
                "A volume named " + spare + " exists already");
        robot.interact(() -> robot.lookup("#volume-name").queryTextInputControl().setText(name));
        robot.interact(() -> robot.lookup("#volume-labels").queryAs(dev.berth.ui.keyvalue.KeyValueEditor.class)
                .setAll(Map.of(TestResources.LABEL, TestResources.RUN_ID, "made-by", "berth")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(create.isDisabled()).isFalse();
        Screenshots.save(robot, dialog.getScene(), "volumes-create");
        robot.clickOn(create);

        UiTestSupport.waitUntil("the new volume is listed and selected", 15, () -> row(table, name) != null
                && table.getSelectionModel().getSelectedItem() == row(table, name));
        VolumeSummary made = engine.volumes().list().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
        assertThat(made.labels()).containsEntry("made-by", "berth");
    }

    @Test
    void removingAMountedVolumeIsRefusedAndAnUnusedOneGoesAfterAsking(FxRobot robot) {
        TableView<VolumeRow> table = open(robot);
        String doomed = engine.volumes().create(TestResources.name("ui-doomed"), "local", OURS, Map.of());
        UiTestSupport.waitUntil("the new volume is listed", 15, () -> row(table, doomed) != null);

        select(robot, table, data);
        robot.clickOn("#volume-remove");
        DialogPane refusal = robot.lookup("#refuse-remove-volume").queryAs(DialogPane.class);
        assertThat(refusal.getHeaderText()).isEqualTo("A container mounts " + data);
        assertThat(lines(refusal)).containsExactly(data + ": " + user);
        robot.clickOn(refusal.lookupButton(ButtonType.OK));
        assertThat(row(table, data)).isNotNull();

        select(robot, table, doomed);
        robot.clickOn("#volume-remove");
        DialogPane confirm = robot.lookup("#confirm-remove-volume").queryAs(DialogPane.class);
        assertThat(confirm.getHeaderText()).isEqualTo("Remove the volume " + doomed + "?");
        Screenshots.save(robot, confirm.getScene(), "volumes-confirm-remove");
        robot.clickOn((Button) confirm.lookupButton(confirm.getButtonTypes().get(0)));

        UiTestSupport.waitUntil("the volume is gone", 15, () -> row(table, doomed) == null);
        assertThat(engine.volumes().list()).noneMatch(v -> v.name().equals(doomed));
    }

    @Test
    void pruneListsTheUnusedVolumesBeforeAsking(FxRobot robot) {
        open(robot);

        robot.clickOn("#volumes-more").clickOn("#volumes-prune");

        DialogPane confirm = robot.lookup("#confirm-prune-volumes").queryAs(DialogPane.class);
        int unused = engine.volumes().unused(Map.of()).size();
        assertThat(confirm.getHeaderText()).startsWith("Remove " + unused + " unused volume");
        assertThat(lines(confirm)).hasSize(unused).contains(spare + "  (0 B)").noneMatch(l -> l.startsWith(data));
        Screenshots.save(robot, confirm.getScene(), "volumes-confirm-prune");
        // Cancelled: a prune here would reach every unused volume on the engine, not only this run's.
        robot.clickOn(confirm.lookupButton(ButtonType.CANCEL));
        assertThat(engine.volumes().list()).anyMatch(v -> v.name().equals(spare));
    }
}
