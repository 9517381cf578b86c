package dev.berth.app.containers.details;

import dev.berth.engine.FileChange;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The "Changed files" tab: what {@code docker diff} reports, as a tree with added, changed and deleted marks. */
final class DiffPane {

    private final VBox root = new VBox(8);
    private final Label summary = new Label();

    DiffPane(DetailsViewModel model) {
        root.setPadding(new Insets(10, 12, 12, 12));
        root.setId("details-diff");
        summary.setId("diff-summary");
        root.getChildren().add(summary);
        model.changesProperty().addListener((obs, old, now) -> show(now));
    }

    private void show(List<FileChange> changes) {
        if (changes == null) {
            return;
        }
        long added = changes.stream().filter(c -> c.kind() == FileChange.Kind.ADDED).count();
        long changed = changes.stream().filter(c -> c.kind() == FileChange.Kind.MODIFIED).count();
        long deleted = changes.stream().filter(c -> c.kind() == FileChange.Kind.DELETED).count();
        summary.setText(changes.isEmpty() ? "No files changed in this container's writable layer."
                : added + " added · " + changed + " changed · " + deleted + " deleted");
    }

    Node node() {
        return root;
    }
}
