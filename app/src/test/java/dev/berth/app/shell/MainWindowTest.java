package dev.berth.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.app.containers.ContainerEntry;
import dev.berth.app.containers.ContainerRow;
import dev.berth.engine.Engine;
import dev.berth.testing.Screenshots;
import dev.berth.testing.RealEngine;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestResources;
import dev.berth.testing.UiTestSupport;
import dev.berth.app.theme.ThemeManager;
import dev.berth.ui.badge.Badge;
import java.util.Set;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real main window on the real engine. */
@RealEngine
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private static final Engine engine = TestEngine.shared();
    private MainWindow window;
    private ThemeManager theme;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        theme = new ThemeManager(null);
        window = UiTestSupport.show(stage, engine, theme);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    @Test
    void listsAContainerAndItsBadgeFollowsTheEngine(FxRobot robot) {
        String id = engine.containers().create(TestResources.sleeper("ui-badge"));
        engine.containers().start(id);
        String name = TestResources.name("ui-badge");

        UiTestSupport.waitUntil("the container is listed as running", 30, () -> "running".equals(badgeText(robot, name)));
        UiTestSupport.waitUntil("the status bar shows the engine", 5,
                () -> robot.lookup("#connection-state").queryAs(Label.class).getText().equals("Connected"));
        assertThat(robot.lookup("#engine-summary").queryAs(Label.class).getText())
                .contains(engine.state().info().version());

        engine.containers().stop(id);

        UiTestSupport.waitUntil("the badge shows exited", 30, () -> "exited".equals(badgeText(robot, name)));
        Screenshots.save(robot, stage.getScene(), "containers");
    }

    @Test
    void removeAsksFirstNamingTheContainerAndRemovesOnlyAfterYes(FxRobot robot) {
        String id = engine.containers().create(TestResources.sleeper("ui-remove"));
        String name = TestResources.name("ui-remove");
        UiTestSupport.waitUntil("the container is listed", 30, () -> rowFor(robot, name) != null);

        robot.clickOn(rowFor(robot, name));
        robot.clickOn("#container-remove");
        DialogPane dialog = robot.lookup("#confirm-remove").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Remove container " + name + "?");
        Screenshots.save(robot, dialog.getScene(), "containers-confirm-remove");

        robot.clickOn(robot.from(dialog).lookup(".button").match(n -> "Cancel".equals(((Button) n).getText()))
                .queryButton());
        assertThat(engine.containers().find(id)).isPresent();

        robot.clickOn(rowFor(robot, name));
        robot.clickOn("#container-remove");
        DialogPane again = robot.lookup("#confirm-remove").queryAs(DialogPane.class);
        robot.clickOn(robot.from(again).lookup(".button").match(n -> "Remove".equals(((Button) n).getText()))
                .queryButton());

        UiTestSupport.waitUntil("the row disappears", 30, () -> rowFor(robot, name) == null);
        assertThat(engine.containers().find(id)).isEmpty();
    }

    @Test
    void everySectionOpensAndIsSavedAsAScreenshot(FxRobot robot) {
        UiTestSupport.waitUntil("connected", 30,
                () -> robot.lookup("#connection-state").queryAs(Label.class).getText().equals("Connected"));
        for (Section section : Section.values()) {
            robot.clickOn("#" + section.navId());
            UiTestSupport.waitUntil(section + " is shown", 5, () -> window.sectionProperty().get() == section);
            Screenshots.save(robot, stage.getScene(), "section-" + section.name().toLowerCase());
        }
        robot.clickOn("#toggle-dark");
        assertThat(theme.darkProperty().get()).isTrue();
        for (Section section : Section.values()) {
            robot.clickOn("#" + section.navId());
            robot.interact(() -> { });
            Screenshots.save(robot, stage.getScene(), "section-" + section.name().toLowerCase() + "-dark");
        }
        robot.clickOn("#toggle-dark");
        assertThat(theme.darkProperty().get()).isFalse();
    }

    /** The visible table row of the named container, scrolling it into view; null when not listed. */
    private static TreeTableRow<?> rowFor(FxRobot robot, String name) {
        @SuppressWarnings("unchecked")
        TreeTableView<ContainerEntry> table = robot.lookup("#containers-table").queryAs(TreeTableView.class);
        int[] index = {-1};
        Runnable find = () -> {
            for (int i = 0; i < table.getExpandedItemCount(); i++) {
                TreeItem<ContainerEntry> item = table.getTreeItem(i);
                if (item != null && item.getValue() instanceof ContainerRow row && name.equals(row.name())) {
                    index[0] = i;
                    table.scrollTo(i);
                    table.layout();
                    return;
                }
            }
        };
        if (Platform.isFxApplicationThread()) {
            find.run();
        } else {
            robot.interact(find);
        }
        if (index[0] < 0) {
            return null;
        }
        // Rows are reused as the table updates: find the one showing the item on the FX thread.
        return UiTestSupport.onFx(() -> {
            Set<Node> rows = table.lookupAll(".tree-table-row-cell");
            for (Node node : rows) {
                TreeTableRow<?> row = (TreeTableRow<?>) node;
                if (row.getIndex() == index[0] && row.getItem() != null) {
                    return row;
                }
            }
            return null;
        });
    }

    private static String badgeText(FxRobot robot, String name) {
        TreeTableRow<?> row = rowFor(robot, name);
        if (row == null) {
            return null;
        }
        return row.lookupAll(".badge").stream().map(n -> ((Badge) n).getText()).findFirst().orElse(null);
    }
}
