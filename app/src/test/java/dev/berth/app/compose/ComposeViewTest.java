package dev.berth.app.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.app.common.Browser;
import dev.berth.app.common.ItemList;
import dev.berth.app.shell.MainWindow;
import dev.berth.app.shell.Section;
import dev.berth.app.theme.ThemeManager;
import dev.berth.compose.ComposeDown;
import dev.berth.compose.ComposeLabels;
import dev.berth.compose.UpListener;
import dev.berth.engine.ContainerState;
import dev.berth.engine.Engine;
import dev.berth.engine.VolumeSummary;
import dev.berth.testing.RealEngine;
import dev.berth.testing.Screenshots;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestImages;
import dev.berth.testing.TestResources;
import dev.berth.testing.UiTestSupport;
import dev.berth.ui.codeeditor.CodeEditor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Compose page in the real main window on the real engine. */
@RealEngine
@ExtendWith(ApplicationExtension.class)
class ComposeViewTest {

    private static final String LOOP = "trap 'exit 0' TERM; while true; do sleep 0.2; done";
    private final Engine engine = TestEngine.shared();
    private final String project = TestResources.name("ui-stack");
    @TempDir
    Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = UiTestSupport.show(stage, engine, new ThemeManager(null));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.close());
        ComposeDown down = new ComposeDown(engine);
        down.down(down.plan(project, true), UpListener.NONE);
    }

    private Path write(String... lines) throws IOException {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    /** Chooses a service and picks an item of the table's menu, once the last menu has closed. */
    private static void serviceMenu(FxRobot robot, TableView<ServiceRow> table, String service, String item) {
        UiTestSupport.waitUntil("the menu is closed", 5, () -> !table.getContextMenu().isShowing());
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(r -> r.service().equals(service)).findFirst().orElseThrow()));
        Node cell = UiTestSupport.onFx(() -> table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> r && r.getItem() instanceof ServiceRow shown
                        && shown.service().equals(service)).findFirst().orElseThrow());
        robot.rightClickOn(cell);
        UiTestSupport.waitUntil("the menu shows " + item, 5, () -> robot.lookup(item).tryQuery().isPresent());
        robot.clickOn(item);
    }

    private ComposeView open(FxRobot robot, Path file) {
        robot.clickOn("#nav-compose");
        ComposeView view = (ComposeView) UiTestSupport.onFx(() -> window.currentView());
        robot.interact(() -> view.open(file));
        UiTestSupport.waitUntil("the file's stack is listed and chosen", 15, () -> {
            StackRow row = view.list().getSelectionModel().getSelectedItem();
            return row != null && file.equals(row.fileProperty().get())
                    && (row.composeProperty().get() != null || !row.problemsProperty().get().isEmpty());
        });
        return view;
    }

    @Test
    void aStackComesUpWithItsServicesTotalsAndMergedLogsAndGoesDownWithItsVolume(FxRobot robot) throws IOException {
        Path file = write(
                "name: " + project,
                "services:",
                "  web:",
                "    image: " + TestImages.BUSYBOX,
                "    command: [\"sh\", \"-c\", \"echo web ready; " + LOOP + "\"]",
                "    ports: [\"127.0.0.1::8080\"]",
                "    labels: {" + TestResources.LABEL + ": " + TestResources.RUN_ID + "}",
                "  worker:",
                "    image: " + TestImages.BUSYBOX,
                "    depends_on: [web]",
                "    command: [\"sh\", \"-c\", \"echo worker started > /data/note; cat /data/note; " + LOOP + "\"]",
                "    volumes: [\"data:/data\"]",
                "    labels: {" + TestResources.LABEL + ": " + TestResources.RUN_ID + "}",
                "volumes:",
                "  data: {}");
        ComposeView view = open(robot, file);
        StackRow row = UiTestSupport.onFx(() -> view.list().getSelectionModel().getSelectedItem());
        assertThat(UiTestSupport.onFx(() -> List.copyOf(view.details().table().getItems())))
                .extracting(ServiceRow::service, ServiceRow::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("web", "not created"),
                        org.assertj.core.groups.Tuple.tuple("worker", "not created"));

        robot.clickOn("#compose-up");
        UiTestSupport.waitUntil("both services run", 60, () -> row.running() == 2
                && view.details().table().getItems().stream().allMatch(r -> r.state() == ContainerState.RUNNING));
        UiTestSupport.waitUntil("the merged logs show both services", 20, () -> view.details().logs() != null
                && view.details().logs().logView().getLines().stream().anyMatch(l -> l.text().equals("web ready")
                        && l.source().name().equals("web"))
                && view.details().logs().logView().getLines().stream().anyMatch(l -> l.text().equals("worker started")
                        && l.source().name().equals("worker")));
        UiTestSupport.waitUntil("the stack's totals", 20, () -> robot.lookup("#stack-totals").queryAs(Label.class)
                .getText().equals("2 of 2 running ·")
                && robot.lookup("#stack-cpu").queryAs(Label.class).getText().matches("CPU [0-9.,]+ %")
                && robot.lookup("#stack-memory").queryAs(Label.class).getText().matches("· Memory [0-9.,]+ .?B")
                && robot.lookup("#stack-cpu-spark").query().isVisible());
        assertThat(UiTestSupport.onFx(() -> robot.lookup("#stack-file").queryAs(Label.class).getText()))
                .isEqualTo(file.toString());
        Screenshots.save(robot, robot.lookup("#stacks-list").query().getScene(), "compose-stack");

        // The published port opens in the browser.
        List<String> opened = new CopyOnWriteArrayList<>();
        Browser.use(opened::add);
        UiTestSupport.waitUntil("web's port is a link", 10,
                () -> robot.lookup("#stack-services .port-link").tryQuery().isPresent());
        Hyperlink port = robot.lookup("#stack-services .port-link").queryAs(Hyperlink.class);
        assertThat(port.getText()).matches("\\d+→8080/tcp");
        try {
            robot.clickOn(port);
            assertThat(opened).containsExactly("http://127.0.0.1:" + port.getText().substring(0,
                    port.getText().indexOf('→')));
        } finally {
            Browser.use(url -> { }); // later tests must not record into this list
        }

        // One service stops and starts from the services table's menu; the rest keeps running.
        TableView<ServiceRow> services = view.details().table();
        serviceMenu(robot, services, "web", "#service-stop");
        UiTestSupport.waitUntil("web is stopped, the worker still runs", 20, () -> row.running() == 1
                && services.getItems().stream().anyMatch(r -> r.service().equals("web")
                        && r.state() == ContainerState.EXITED));
        serviceMenu(robot, services, "web", "#service-start");
        UiTestSupport.waitUntil("web runs again", 20, () -> row.running() == 2);

        // A container whose service left the file is badged, kept by Up, and can go from its menu.
        engine.containers().run(TestResources.sleeper("ui-orphan").withLabel(ComposeLabels.PROJECT, project)
                .withLabel(ComposeLabels.SERVICE, "old-worker"));
        UiTestSupport.waitUntil("the orphan is listed", 20, () -> services.getItems().stream()
                .anyMatch(r -> r.service().equals("old-worker") && r.orphan()));
        serviceMenu(robot, services, "old-worker", "#service-remove");
        DialogPane removeOrphan = robot.lookup("#confirm-remove-orphan").queryAs(DialogPane.class);
        assertThat(removeOrphan.getHeaderText()).isEqualTo("Remove " + TestResources.name("ui-orphan") + "?");
        robot.clickOn(robot.from(removeOrphan).lookup(".button")
                .match(n -> "Remove".equals(((Button) n).getText())).queryButton());
        UiTestSupport.waitUntil("the orphan is gone", 20, () -> services.getItems().stream()
                .noneMatch(r -> r.service().equals("old-worker")));

        robot.clickOn("#compose-down");
        UiTestSupport.waitUntil("the question, once the plan is read", 10,
                () -> robot.lookup("#confirm-compose-down").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#confirm-compose-down").queryAs(DialogPane.class);
        assertThat(ItemList.items(((VBox) dialog.getContent()).getChildren().get(0))).containsExactlyInAnyOrder(
                "Container " + project + "-web-1 (running)", "Container " + project + "-worker-1 (running)",
                "Network " + project + "_default");
        CheckBox volumes = robot.lookup("#compose-down-volumes").queryAs(CheckBox.class);
        assertThat(volumes.getText()).contains(project + "_data");
        Screenshots.save(robot, dialog.getScene(), "compose-down-confirm");
        robot.clickOn(volumes);
        robot.clickOn("Take down");

        UiTestSupport.waitUntil("the stack is down, its file still listed", 60, () -> row.containersProperty().get()
                .isEmpty() && view.model().stack(project) != null && !view.model().busyProperty().get());
        assertThat(engine.containers().listByLabel(ComposeLabels.PROJECT, project)).isEmpty();
        assertThat(engine.volumes().list()).extracting(VolumeSummary::name).doesNotContain(project + "_data");
    }

    @Test
    void aBrokenFileNamesLineAndColumnMarksTheLineAndUpCreatesNothing(FxRobot robot) throws IOException {
        Path file = write(
                "name: " + project,
                "services:",
                "  web:",
                "    image: " + TestImages.BUSYBOX,
                "    ports: [\"80:80/tpc\"]");
        ComposeView view = open(robot, file);

        assertThat(UiTestSupport.onFx(() -> view.list().getSelectionModel().getSelectedItem().project()))
                .as("listed under the name the file gives").isEqualTo(project);
        VBox problems = robot.lookup("#stack-problems").queryAs(VBox.class);
        String first = UiTestSupport.onFx(() -> ((Label) problems.getChildren().get(0)).getText());
        assertThat(first).startsWith("compose.yaml line 5, column ").contains("tpc");
        UiTestSupport.waitUntil("the line is marked in the file", 10, () -> view.details().fileEditor().editor()
                .markedLines(CodeEditor.Mark.ERROR).equals(List.of(5)));
        robot.clickOn("Compose file");
        Screenshots.save(robot, problems.getScene(), "compose-problems");

        assertThat(robot.lookup("#compose-up").query().isDisabled()).as("a file with errors cannot go up").isTrue();
        assertThat(engine.containers().listByLabel(ComposeLabels.PROJECT, project)).isEmpty();
        assertThat(UiTestSupport.onFx(() -> window.sectionProperty().get())).isEqualTo(Section.COMPOSE);
    }

    @Test
    void editsAreCheckedAsTheUserTypesAndSaveWritesTheFile(FxRobot robot) throws IOException {
        String original = String.join("\n",
                "name: " + project,
                "services:",
                "  web:",
                "    image: " + TestImages.BUSYBOX,
                "");
        Path file = write(original.strip());
        ComposeView view = open(robot, file);
        robot.clickOn("Compose file");
        CodeEditor editor = view.details().fileEditor().editor();
        UiTestSupport.waitUntil("the file is shown", 10, () -> editor.getText().equals(original));

        robot.interact(() -> editor.setText(original + "    ports: [\"80:80/tpc\"]\n"));
        UiTestSupport.waitUntil("the edit is checked and its line marked", 10,
                () -> editor.markedLines(CodeEditor.Mark.ERROR).equals(List.of(5)));
        VBox problems = robot.lookup("#stack-problems").queryAs(VBox.class);
        assertThat(UiTestSupport.onFx(() -> ((Label) problems.getChildren().get(0)).getText()))
                .startsWith("compose.yaml line 5, column ").contains("tpc");
        assertThat(UiTestSupport.onFx(() -> robot.lookup("#stack-file-state").queryAs(Label.class).getText()))
                .isEqualTo("Unsaved changes");
        assertThat(Files.readString(file)).isEqualTo(original);
        Screenshots.save(robot, problems.getScene(), "compose-editor");

        String fixed = original + "    ports: [\"127.0.0.1::80\"]\n  cache:\n    image: " + TestImages.BUSYBOX + "\n";
        robot.interact(() -> editor.setText(fixed));
        UiTestSupport.waitUntil("the fixed text has no problems", 10, () -> editor.markedLines(CodeEditor.Mark.ERROR)
                .isEmpty() && !robot.lookup("#stack-problems").query().isVisible());
        robot.clickOn("#stack-save");

        StackRow row = UiTestSupport.onFx(() -> view.list().getSelectionModel().getSelectedItem());
        UiTestSupport.waitUntil("the file is saved and read again", 10, () -> "Saved".equals(
                robot.lookup("#stack-file-state").queryAs(Label.class).getText())
                && view.details().table().getItems().stream().anyMatch(r -> r.service().equals("cache")));
        assertThat(Files.readString(file)).isEqualTo(fixed);
        assertThat(row.composeProperty().get().services()).extracting(s -> s.name()).containsExactly("web", "cache");
    }

    @Test
    void aServiceInAProfileIsOffUntilItsProfileIsTicked(FxRobot robot) throws IOException {
        Path file = write(
                "name: " + project,
                "services:",
                "  web:",
                "    image: " + TestImages.BUSYBOX,
                "  debugger:",
                "    image: " + TestImages.BUSYBOX,
                "    profiles: [debug]");
        ComposeView view = open(robot, file);
        UiTestSupport.waitUntil("the debugger is off", 10, () -> view.details().table().getItems().stream()
                .anyMatch(r -> r.service().equals("debugger") && r.status().equals("off: profile debug")));

        robot.clickOn("#stack-profiles").clickOn("debug");

        UiTestSupport.waitUntil("the debugger will run with the next up", 10, () -> view.details().table().getItems()
                .stream().anyMatch(r -> r.service().equals("debugger") && r.status().equals("not created"))
                && robot.lookup("#stack-profiles").queryAs(MenuButton.class).getText().equals("Profiles: debug"));
        Screenshots.save(robot, robot.lookup("#stack-profiles").query().getScene(), "compose-profiles");
    }
}
