package dev.berth.app.containers.details;

import dev.berth.engine.FileChange;
import dev.berth.ui.filetree.ChangeKind;
import dev.berth.ui.filetree.FileEntry;
import dev.berth.ui.filetree.FileTreeModel;
import dev.berth.ui.filetree.FileTreeView;
import dev.berth.ui.filetree.FileType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The "Changed files" tab: what {@code docker diff} reports about the container's writable layer,
 * as a tree with added, changed and deleted marks.
 */
final class DiffPane {

    private final VBox root = new VBox(8);
    private final Label summary = new Label();
    private final FileTreeView tree = new FileTreeView();

    DiffPane(DetailsViewModel model) {
        root.setPadding(new Insets(10, 12, 12, 12));
        root.setId("details-diff");
        summary.setId("diff-summary");
        Button refresh = new Button("Refresh", new FontIcon(Material2MZ.REFRESH));
        refresh.setId("diff-refresh");
        refresh.setOnAction(e -> model.loadChanges());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, summary, spacer, refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        tree.setId("diff-tree");
        tree.setPlaceholderText("No files changed in this container's writable layer");
        VBox.setVgrow(tree, Priority.ALWAYS);
        root.getChildren().addAll(header, tree);
        model.changesProperty().addListener((obs, old, now) -> show(now));
    }

    private void show(List<FileChange> changes) {
        if (changes == null) {
            return;
        }
        summary.setText(changes.isEmpty() ? "No files changed in this container's writable layer."
                : "Files the container added, changed or deleted, compared with its image (docker diff)");
        tree.setModel(model(changes));
        tree.expandAll();
    }

    /** The diff names paths only; a path another one lies under is a folder, the rest are taken as files. */
    static FileTreeModel model(List<FileChange> changes) {
        Set<String> folders = new TreeSet<>();
        for (FileChange change : changes) {
            String path = change.path();
            for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
                folders.add(path.substring(0, slash));
            }
        }
        List<FileEntry> entries = new ArrayList<>();
        for (FileChange change : changes) {
            ChangeKind kind = switch (change.kind()) {
                case ADDED -> ChangeKind.ADDED;
                case MODIFIED -> ChangeKind.MODIFIED;
                case DELETED -> ChangeKind.REMOVED;
            };
            entries.add(FileEntry.of(change.path(), kind, folders.contains(change.path()) ? FileType.DIRECTORY : FileType.FILE));
        }
        return FileTreeModel.of(entries);
    }

    Node node() {
        return root;
    }
}
