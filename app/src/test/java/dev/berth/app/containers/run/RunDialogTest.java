package dev.berth.app.containers.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.app.shell.MainWindow;
import dev.berth.app.theme.ThemeManager;
import dev.berth.engine.ContainerDetails;
import dev.berth.engine.ContainerState;
import dev.berth.engine.ContainerSummary;
import dev.berth.engine.Engine;
import dev.berth.engine.RestartPolicy;
import dev.berth.testing.DockerCli;
import dev.berth.testing.InspectComparison;
import dev.berth.testing.RealEngine;
import dev.berth.testing.Screenshots;
import dev.berth.testing.Scrolling;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestImages;
import dev.berth.testing.TestResources;
import dev.berth.testing.UiTestSupport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The run dialog in the real window: checks as you type, engine errors by the field, copy as docker run. */
@RealEngine
@ExtendWith(ApplicationExtension.class)
class RunDialogTest {

    private static Engine engine;
    private MainWindow window;

    @BeforeAll
    static void connect() {
        engine = TestEngine.shared();
    }

    @AfterAll
    static void removeNetworksVolumesAndImages() {
        DockerCli.removeLabelled();
    }

    @Start
    void start(Stage stage) {
        window = UiTestSupport.show(stage, engine, new ThemeManager(null));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            // A dialog left open would block the shared stage for the test classes after this one.
            robot.lookup("#run-dialog").queryAll().forEach(n -> ((Stage) n.getScene().getWindow()).close());
            window.close();
        });
    }

    @Test
    void eachFieldSaysWhatIsWrongAsItIsTypedAndRunWaitsForAValidForm(FxRobot robot) {
        robot.clickOn("#container-run");
        assertThat(runButton(robot).isDisabled()).isTrue();
        assertThat(text(robot, "#run-reason")).isEqualTo("Image: Enter an image reference, e.g. busybox:latest");

        robot.clickOn("#run-image").write("Busybox:1");
        assertThat(text(robot, "#problem-image")).isEqualTo("Repository names must be lowercase: \"Busybox\"");
        robot.clickOn("#run-name").write("-web");
        assertThat(text(robot, "#problem-name")).isEqualTo("Use letters, digits, '_', '.' and '-', starting with a letter or digit");
        robot.clickOn("#run-ports").write("8080:80, 70000:80");
        assertThat(text(robot, "#problem-ports")).isEqualTo("70000:80: The host port 70000 is out of range (1-65535)");
        robot.clickOn("#run-command").write("sh -c 'echo hi");
        assertThat(text(robot, "#problem-command")).isEqualTo("A single quote (') is not closed");
        Scrolling.reveal(robot, "#mounts-editor");
        robot.clickOn("#add-mount-bind");
        robot.write("data");
        assertThat(robot.lookup(".mount-row .field-problem").queryAs(Label.class).getText())
                .isEqualTo("Host paths are absolute: start with /");
        assertThat(text(robot, "#run-reason")).startsWith("Image: ");
        Scrolling.reveal(robot, "#run-env");
        robot.clickOn("#run-env .key-value-add").write("BAD KEY");
        assertThat(robot.lookup("#run-env .key-value-problem").queryAs(Label.class).getText())
                .isEqualTo("A variable name cannot contain spaces");
        Scrolling.reveal(robot, "#run-workdir");
        robot.clickOn("#run-workdir").write("app");
        assertThat(text(robot, "#problem-working-dir")).isEqualTo("The working directory is absolute: start with /");
        robot.interact(() -> robot.lookup("#run-restart").queryAs(ComboBox.class).setValue(RestartPolicy.Kind.ALWAYS));
        Scrolling.reveal(robot, "#run-auto-remove");
        robot.clickOn("#run-auto-remove");
        assertThat(text(robot, "#problem-restart")).isEqualTo("A container removed on exit cannot also restart: choose one");
        assertThat(runButton(robot).isDisabled()).isTrue();
        assertThat(text(robot, "#run-reason")).isEqualTo("Image: Repository names must be lowercase: \"Busybox\"");
        Screenshots.save(robot, robot.lookup("#run-dialog").query().getScene(), "run-dialog-errors-lower");
        Scrolling.reveal(robot, "#run-image");
        Screenshots.save(robot, robot.lookup("#run-dialog").query().getScene(), "run-dialog-errors");
        robot.interact(() -> field(robot, "#run-image").setText(TestImages.BUSYBOX));
        assertThat(text(robot, "#run-reason")).isEqualTo("Name: Use letters, digits, '_', '.' and '-', starting with a letter or digit");
        robot.interact(() -> field(robot, "#run-image").setText("Busybox:1"));

        robot.interact(() -> {
            field(robot, "#run-image").setText(TestImages.BUSYBOX);
            field(robot, "#run-name").setText(TestResources.name("dialog-valid"));
            field(robot, "#run-ports").setText("8080:80, 127.0.0.1:5353:53/udp, 9000-9001:9000-9001");
            field(robot, "#run-command").setText("sh -c 'echo hi'");
            robot.lookup(".mount-source").queryAs(TextField.class).setText("/srv");
            robot.lookup(".mount-target").queryAs(TextField.class).setText("/data");
            robot.lookup("#run-env .key-field").queryAs(TextField.class).setText("GOOD_KEY");
            field(robot, "#run-workdir").setText("/app");
            robot.lookup("#run-restart").queryAs(ComboBox.class).setValue(RestartPolicy.Kind.NO);
        });
        assertThat(robot.lookup(".field-problem").queryAllAs(Label.class)).noneMatch(Node::isVisible);
        assertThat(robot.lookup(".key-value-problem").queryAllAs(Label.class)).noneMatch(Node::isVisible);
        assertThat(runButton(robot).isDisabled()).isFalse();
        assertThat(robot.lookup("#run-reason").queryAs(Label.class).getText()).isNull();
    }

    @Test
    void runsWhatTheDialogSaysAndItsDockerRunLineMakesTheSameContainer(FxRobot robot) {
        String name = TestResources.name("dialog-run");
        robot.clickOn("#container-run");
        robot.clickOn("#run-image").write("berth-test/busy");
        UiTestSupport.waitUntil("local images are suggested", 10,
                () -> robot.lookup(".image-suggestion").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".image-suggestion").match(n -> TestImages.BUSYBOX.equals(((Label) n).getText()))
                .queryAs(Label.class));
        assertThat(field(robot, "#run-image").getText()).isEqualTo(TestImages.BUSYBOX);
        robot.interact(() -> {
            field(robot, "#run-name").setText(name);
            field(robot, "#run-command").setText("sh -c \"trap 'exit 0' TERM; while true; do sleep 0.2; done\"");
            field(robot, "#run-ports").setText("127.0.0.1::80, 81/udp");
            field(robot, "#run-workdir").setText("/tmp");
            field(robot, "#run-user").setText("65534");
            robot.lookup("#run-restart").queryAs(ComboBox.class).setValue(RestartPolicy.Kind.ON_FAILURE);
            field(robot, "#run-max-retries").setText("2");
        });
        Scrolling.reveal(robot, "#run-env");
        robot.clickOn("#run-env .key-value-add").write("GREETING");
        robot.clickOn(robot.lookup("#run-env .value-field").queryAs(TextField.class)).write("hello world");
        Scrolling.reveal(robot, "#run-labels");
        robot.clickOn("#run-labels .key-value-add").write(TestResources.LABEL);
        robot.clickOn(robot.lookup("#run-labels .value-field").queryAs(TextField.class)).write(TestResources.RUN_ID);
        Scrolling.reveal(robot, "#mounts-editor");
        robot.clickOn("#add-mount-tmpfs");
        robot.write("/scratch");
        robot.clickOn(robot.lookup(".mount-size").queryAs(TextField.class)).write("8m");
        robot.clickOn("#add-mount-volume");
        robot.clickOn(robot.lookup(".mount-target").nth(1).queryAs(TextField.class)).write("/anonymous");
        Screenshots.save(robot, robot.lookup("#run-dialog").query().getScene(), "run-dialog-filled");

        Scrolling.reveal(robot, "#run-image");
        robot.clickOn("#run-copy-command");
        String[] command = new String[1];
        robot.interact(() -> command[0] = Clipboard.getSystemClipboard().getString());
        assertThat(command[0]).startsWith("docker run -d --name " + name + " -e 'GREETING=hello world'")
                .contains("-p 127.0.0.1::80/tcp -p 81/udp").contains("--mount type=tmpfs,target=/scratch,tmpfs-size=8388608")
                .contains("--restart on-failure:2").endsWith(TestImages.BUSYBOX
                        + " sh -c 'trap '\\''exit 0'\\'' TERM; while true; do sleep 0.2; done'");
        robot.clickOn("#run-submit");

        UiTestSupport.waitUntil("the dialog closes", 20, () -> robot.lookup("#run-dialog").tryQuery().isEmpty());
        ContainerSummary created = engine.containers().listByLabel(TestResources.LABEL, TestResources.RUN_ID).stream()
                .filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        assertThat(created.state()).isEqualTo(ContainerState.RUNNING);
        String cliId = DockerCli.shell(command[0].replace("--name " + name, "--name " + name + "-cli"));
        ContainerDetails dialogs = engine.containers().inspect(created.id());
        assertThat(InspectComparison.configured(engine.containers().inspect(cliId).json()))
                .isEqualTo(InspectComparison.configured(dialogs.json()));
        assertThat(dialogs.env()).contains("GREETING=hello world");
        assertThat(dialogs.restart()).isEqualTo(RestartPolicy.onFailure(2));
    }

    @Test
    void engineErrorsShowBesideTheirFieldAndLeaveNothingHalfCreated(FxRobot robot) throws IOException {
        String taken = TestResources.name("dialog-taken");
        engine.containers().create(TestResources.sleeper("dialog-taken"));
        robot.clickOn("#container-run");
        robot.interact(() -> {
            field(robot, "#run-image").setText(TestImages.BUSYBOX);
            field(robot, "#run-name").setText(taken);
            field(robot, "#run-command").setText("sleep 30");
        });
        Scrolling.reveal(robot, "#run-labels");
        robot.clickOn("#run-labels .key-value-add").write(TestResources.LABEL);
        robot.clickOn(robot.lookup("#run-labels .value-field").queryAs(TextField.class)).write(TestResources.RUN_ID);

        robot.clickOn("#run-submit");
        UiTestSupport.waitUntil("the name conflict is shown by the name", 20,
                () -> text(robot, "#problem-name") != null && text(robot, "#problem-name").contains("is already in use"));
        assertThat(robot.lookup("#run-dialog").tryQuery()).isPresent();

        String fresh = TestResources.name("dialog-port");
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            robot.interact(() -> {
                field(robot, "#run-name").setText(fresh);
                field(robot, "#run-ports").setText(busy.getLocalPort() + ":80");
            });
            assertThat(text(robot, "#problem-name")).as("editing the field clears the engine's complaint").isNull();
            robot.clickOn("#run-submit");
            UiTestSupport.waitUntil("the taken port is shown by the ports", 20, () -> text(robot, "#problem-ports") != null);
        }
        assertThat(text(robot, "#problem-ports")).containsAnyOf("already allocated", "address already in use");
        Screenshots.save(robot, robot.lookup("#run-dialog").query().getScene(), "run-dialog-engine-error");
        assertThat(engine.containers().listByLabel(TestResources.LABEL, TestResources.RUN_ID))
                .extracting(ContainerSummary::name).doesNotContain(fresh);

        robot.interact(() -> {
            field(robot, "#run-ports").setText("");
            field(robot, "#run-image").setText("berth-test/no-such-image:" + TestResources.RUN_ID);
        });
        robot.clickOn("#run-submit");
        UiTestSupport.waitUntil("the missing image is shown by the image", 20,
                () -> text(robot, "#problem-image") != null && text(robot, "#problem-image").startsWith("No such image"));
    }

    @Test
    void runAgainFillsTheDialogWithTheContainersSettings(FxRobot robot) {
        engine.containers().create(TestResources.sleeper("original").withEnv("MODE", "copy").withWorkingDir("/tmp"));
        robot.interact(() -> robot.lookup("#container-filter").queryAs(TextField.class)
                .setText(TestResources.RUN_ID + " original"));
        UiTestSupport.waitUntil("listed", 20, () -> robot.lookup(".tree-table-row-cell").queryAll().stream()
                .anyMatch(n -> n.lookup(".text") != null && ((javafx.scene.control.TreeTableRow<?>) n).getItem() != null));
        robot.rightClickOn(robot.lookup(".tree-table-row-cell").match(n ->
                ((javafx.scene.control.TreeTableRow<?>) n).getItem() != null).queryAs(Node.class));
        robot.clickOn("Run again with these settings…");

        UiTestSupport.waitUntil("the dialog opens filled in", 20, () -> robot.lookup("#run-name").tryQuery().isPresent()
                && (TestResources.name("original") + "-copy").equals(field(robot, "#run-name").getText()));
        assertThat(field(robot, "#run-image").getText()).isEqualTo(TestImages.BUSYBOX);
        assertThat(field(robot, "#run-command").getText()).startsWith("sh -c 'trap");
        assertThat(field(robot, "#run-workdir").getText()).isEqualTo("/tmp");
        assertThat(robot.lookup("#run-env .key-field").queryAs(TextField.class).getText()).isEqualTo("MODE");
        assertThat(robot.lookup("#run-labels .key-field").queryAllAs(TextField.class))
                .extracting(TextField::getText).contains(TestResources.LABEL);
        assertThat(runButton(robot).isDisabled()).isFalse();
    }

    private static TextField field(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TextField.class);
    }

    private static Button runButton(FxRobot robot) {
        return robot.lookup("#run-submit").queryButton();
    }

    /** The text of a label while it is shown, else null. */
    private static String text(FxRobot robot, String query) {
        Optional<Label> label = robot.lookup(query).tryQueryAs(Label.class);
        return label.filter(Node::isVisible).map(Label::getText).orElse(null);
    }
}
