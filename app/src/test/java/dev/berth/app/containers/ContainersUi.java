package dev.berth.app.containers;

import dev.berth.testing.UiTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import org.testfx.api.FxRobot;

/** Finding things in the containers tree table from TestFX tests. */
final class ContainersUi {

    private ContainersUi() {
    }

    @SuppressWarnings("unchecked")
    static TreeTableView<ContainerEntry> table(FxRobot robot) {
        return robot.lookup("#containers-table").queryAs(TreeTableView.class);
    }

    /** The tree item showing the named container or project, or null when it is not shown. */
    static TreeItem<ContainerEntry> item(FxRobot robot, String name) {
        AtomicReference<TreeItem<ContainerEntry>> found = new AtomicReference<>();
        onFx(robot, () -> found.set(find(table(robot).getRoot(), name)));
        return found.get();
    }

    private static TreeItem<ContainerEntry> find(TreeItem<ContainerEntry> item, String name) {
        if (item.getValue() != null && name.equals(item.getValue().nameProperty().getValue())) {
            return item;
        }
        for (TreeItem<ContainerEntry> child : item.getChildren()) {
            TreeItem<ContainerEntry> hit = find(child, name);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    /** The row the named entry is drawn in, scrolled into view; null when it is not shown. */
    static TreeTableRow<ContainerEntry> row(FxRobot robot, String name) {
        TreeTableView<ContainerEntry> table = table(robot);
        AtomicReference<TreeTableRow<ContainerEntry>> found = new AtomicReference<>();
        onFx(robot, () -> {
            TreeItem<ContainerEntry> item = find(table.getRoot(), name);
            if (item == null) {
                return;
            }
            int index = table.getRow(item);
            if (index < 0) {
                return;
            }
            table.scrollTo(index);
            table.layout();
            for (Node node : table.lookupAll(".tree-table-row-cell")) {
                @SuppressWarnings("unchecked")
                TreeTableRow<ContainerEntry> row = (TreeTableRow<ContainerEntry>) node;
                if (row.getIndex() == index && row.getTreeItem() == item) {
                    found.set(row);
                }
            }
        });
        return found.get();
    }

    /** Names shown directly under the root, in table order. */
    static List<String> topLevel(FxRobot robot) {
        List<String> names = new ArrayList<>();
        onFx(robot, () -> table(robot).getRoot().getChildren()
                .forEach(i -> names.add(i.getValue().nameProperty().getValue())));
        return names;
    }

    static void waitForRow(String what, FxRobot robot, String name) {
        UiTestSupport.waitUntil(what, 20, () -> item(robot, name) != null);
    }

    private static void onFx(FxRobot robot, Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            robot.interact(action);
        }
    }
}
