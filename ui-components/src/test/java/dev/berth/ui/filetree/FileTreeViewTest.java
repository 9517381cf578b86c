package dev.berth.ui.filetree;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class FileTreeViewTest {

    private FileTreeView tree;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        tree = new FileTreeView(sample());
        stage.setScene(new Scene(new StackPane(tree), 900, 480));
        stage.show();
    }

    private static FileTreeModel sample() {
        return FileTreeModel.of(List.of(
                new FileEntry("app", ChangeKind.ADDED, FileType.DIRECTORY, 0, 0755, "0:0", null),
                new FileEntry("app/server.js", ChangeKind.ADDED, FileType.FILE, 5_120, 0644, "1000:1000", null),
                new FileEntry("app/node_modules/big.bin", ChangeKind.ADDED, FileType.FILE, 48_000_000, 0644, "0:0", null),
                new FileEntry("etc/hosts", ChangeKind.MODIFIED, FileType.FILE, 174, 0644, "0:0", null),
                new FileEntry("etc/passwd", ChangeKind.UNCHANGED, FileType.FILE, 900, 0644, "0:0", null),
                new FileEntry("bin/sh", ChangeKind.UNCHANGED, FileType.SYMLINK, 0, 0777, "0:0", "/bin/busybox"),
                new FileEntry("bin/busybox", ChangeKind.UNCHANGED, FileType.FILE, 1_990_000, 0755, "0:0", null),
                new FileEntry("usr/bin/sudo", ChangeKind.ADDED, FileType.FILE, 250_000, 04755, "0:0", null),
                new FileEntry("tmp/build", ChangeKind.REMOVED, FileType.DIRECTORY, 0, 0755, "0:0", null),
                new FileEntry("var/cache/apt/pkgcache.bin", ChangeKind.REMOVED, FileType.FILE, 30_000_000, 0644, "0:0", null)));
    }

    @Test
    void onlyTopLevelRowsExistUntilAFolderOpens(FxRobot robot) {
        List<FileEntry> many = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            many.add(new FileEntry("data/d" + (i % 100) + "/f" + i, ChangeKind.ADDED, FileType.FILE, i, 0644, "0:0", null));
        }
        FileTreeModel big = FileTreeModel.of(many);

        robot.interact(() -> tree.setModel(big));

        assertThat(table(robot).getExpandedItemCount()).isEqualTo(1);
        robot.interact(() -> table(robot).getRoot().getChildren().get(0).setExpanded(true));
        assertThat(table(robot).getExpandedItemCount()).isEqualTo(101);
        assertThat(robot.lookup("#file-tree-summary").queryLabeled().getText()).startsWith("100,000 entries · 100,000 added");
    }

    @Test
    void aGlobShowsOnlyMatchingPathsWithTheirFoldersOpened(FxRobot robot) {
        robot.clickOn("#file-tree-filter").write("*.js");

        assertThat(visiblePaths(robot)).containsExactly("/app", "/app/server.js");
        assertThat(robot.lookup("#file-tree-summary").queryLabeled().getText()).endsWith("1 shown");

        robot.interact(() -> tree.setFilter("no-such-file"));
        assertThat(table(robot).getExpandedItemCount()).isEqualTo(0);
        assertThat(robot.lookup(".file-tree-placeholder").queryLabeled().getText()).isEqualTo("Nothing matches the filter");
    }

    @Test
    void onlyChangesHidesUnchangedBranchesAndKeepsRemovedPaths(FxRobot robot) {
        robot.clickOn("#file-tree-only-changes");

        assertThat(tree.isOnlyChanges()).isTrue();
        robot.interact(tree::expandAll);
        List<String> paths = visiblePaths(robot);
        assertThat(paths).contains("/app/server.js", "/etc/hosts", "/tmp/build", "/var/cache/apt/pkgcache.bin")
                .doesNotContain("/bin", "/bin/sh", "/etc/passwd");
    }

    @Test
    void sortingBySizePutsTheBiggestFirstAndFollowsTheSizeHeader(FxRobot robot) {
        robot.clickOn("#file-tree-sort-size");
        assertThat(topLevelNames(robot).get(0)).isEqualTo("app");
        assertThat(topLevelNames(robot)).containsSubsequence("app", "bin", "usr");

        robot.clickOn("#file-tree-sort-size");
        assertThat(tree.isSortBySize()).isFalse();
        assertThat(topLevelNames(robot)).containsExactly("app", "bin", "etc", "tmp", "usr", "var");

        robot.clickOn(robot.lookup(".column-header").match(n -> "file-tree-size".equals(n.getId())).queryAs(Node.class));
        assertThat(tree.isSortBySize()).isTrue();
    }

    @Test
    void expandCollapseAndRevealKeepTheSelection(FxRobot robot) {
        robot.clickOn("#file-tree-expand-all");
        assertThat(visiblePaths(robot)).contains("/var/cache/apt/pkgcache.bin", "/app/node_modules/big.bin");

        robot.clickOn("#file-tree-collapse-all");
        assertThat(table(robot).getExpandedItemCount()).isEqualTo(6);

        robot.interact(() -> assertThat(tree.reveal("/etc/hosts")).isTrue());
        assertThat(tree.getSelectedNode().path()).isEqualTo("/etc/hosts");
        robot.interact(() -> tree.setOnlyChanges(true));
        assertThat(tree.getSelectedNode().path()).isEqualTo("/etc/hosts");
    }

    @Test
    void changeKindsAreMarkedAndColouredDifferently(FxRobot robot) throws IOException {
        robot.interact(tree::expandAll);
        robot.interact(() -> tree.applyCss());
        robot.interact(() -> tree.layout());

        Paint added = nameFill(robot, "server.js");
        Paint modified = nameFill(robot, "hosts");
        Paint removed = nameFill(robot, "pkgcache.bin");
        Paint unchanged = nameFill(robot, "passwd");
        assertThat(Set.of(added, modified, removed, unchanged)).hasSize(4);
        assertThat(robot.lookup(".change-mark").queryAll()).anyMatch(n ->
                "−".equals(((javafx.scene.control.Label) n).getText()));

        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = stage.getScene().snapshot(null));
        save(shot[0], "file-tree");
    }

    private static Paint nameFill(FxRobot robot, String name) {
        TreeTableView<FileTreeModel.Node> table = table(robot);
        for (int i = 0; i < table.getExpandedItemCount(); i++) {
            if (table.getTreeItem(i).getValue().name().equals(name)) {
                int row = i;
                robot.interact(() -> {
                    table.scrollTo(row);
                    table.layout();
                });
            }
        }
        for (Node n : robot.lookup(".name-cell").queryAll()) {
            TreeTableCell<?, ?> cell = (TreeTableCell<?, ?>) n;
            if (name.equals(cell.getText())) {
                return cell.getTextFill();
            }
        }
        throw new AssertionError("no visible row named " + name);
    }

    @SuppressWarnings("unchecked")
    private static TreeTableView<FileTreeModel.Node> table(FxRobot robot) {
        return robot.lookup("#file-tree-table").queryAs(TreeTableView.class);
    }

    private static List<String> visiblePaths(FxRobot robot) {
        TreeTableView<FileTreeModel.Node> table = table(robot);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < table.getExpandedItemCount(); i++) {
            TreeItem<FileTreeModel.Node> item = table.getTreeItem(i);
            out.add(item.getValue().path());
        }
        return out;
    }

    private static List<String> topLevelNames(FxRobot robot) {
        return table(robot).getRoot().getChildren().stream().map(i -> i.getValue().name()).toList();
    }

    private static void save(WritableImage image, String name) throws IOException {
        Path dir = Path.of(System.getProperty("berth.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", dir.resolve(name + ".png").toFile());
    }

}
