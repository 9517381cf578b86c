package dev.berth.ui.filetree;

import dev.berth.ui.filetree.FileTreeModel.Node;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The bar over the file tree: filter, "only changes", sort by size, expand and collapse, and the counts. */
final class FileTreeToolbar {

    private final HBox bar;
    private final Label summary = new Label();

    FileTreeToolbar(FileTreeView control, Runnable expandAll, Runnable collapseAll) {
        TextField filter = new TextField();
        filter.setId("file-tree-filter");
        filter.setPromptText("Filter: path or glob (*.so, /usr/**)");
        filter.textProperty().bindBidirectional(control.filterProperty());
        filter.getStyleClass().add("file-tree-filter");
        HBox.setHgrow(filter, Priority.SOMETIMES);
        filter.setPrefColumnCount(18);

        ToggleButton onlyChanges = new ToggleButton("Only changes");
        onlyChanges.setId("file-tree-only-changes");
        onlyChanges.setGraphic(new FontIcon(Material2AL.FILTER_LIST));
        onlyChanges.selectedProperty().bindBidirectional(control.onlyChangesProperty());
        ToggleButton bySize = new ToggleButton("Sort by size");
        bySize.setId("file-tree-sort-size");
        bySize.setGraphic(new FontIcon(Material2MZ.SORT));
        bySize.selectedProperty().bindBidirectional(control.sortBySizeProperty());
        Button expand = new Button(null, new FontIcon(Material2AL.EXPAND_MORE));
        expand.setId("file-tree-expand-all");
        expand.setTooltip(new Tooltip("Expand all"));
        expand.setOnAction(e -> expandAll.run());
        Button collapse = new Button(null, new FontIcon(Material2AL.EXPAND_LESS));
        collapse.setId("file-tree-collapse-all");
        collapse.setTooltip(new Tooltip("Collapse all"));
        collapse.setOnAction(e -> collapseAll.run());
        summary.setId("file-tree-summary");
        summary.getStyleClass().add("file-tree-summary");
        // The summary gives way first when the toolbar is narrow; the buttons keep their labels.
        summary.setMinWidth(0);
        filter.setMinWidth(120);
        onlyChanges.setMinWidth(Region.USE_PREF_SIZE);
        bySize.setMinWidth(Region.USE_PREF_SIZE);
        expand.setMinWidth(Region.USE_PREF_SIZE);
        collapse.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        bar = new HBox(6, filter, onlyChanges, bySize, expand, collapse, spacer, summary);
        bar.getStyleClass().add("file-tree-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.visibleProperty().bind(control.toolbarVisibleProperty());
        bar.managedProperty().bind(control.toolbarVisibleProperty());
    }

    HBox node() {
        return bar;
    }

    /** Counts the entries by change kind, and how many the filter shows. */
    void showSummary(FileTreeModel model, FilterMatches shown) {
        int[] counts = new int[ChangeKind.values().length];
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(model.root());
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (n.entry() != null && n.parent() != null) {
                counts[n.kind().ordinal()]++;
            }
            n.children().forEach(stack::push);
        }
        StringBuilder text = new StringBuilder();
        text.append(String.format("%,d", model.entryCount())).append(model.entryCount() == 1 ? " entry" : " entries");
        for (ChangeKind kind : List.of(ChangeKind.ADDED, ChangeKind.MODIFIED, ChangeKind.REMOVED)) {
            if (counts[kind.ordinal()] > 0) {
                text.append(" · ").append(String.format("%,d", counts[kind.ordinal()])).append(' ').append(kind.word());
            }
        }
        if (shown.filtered()) {
            text.append(" · ").append(String.format("%,d", shown.matches().size())).append(" shown");
        }
        summary.setText(text.toString());
    }
}
