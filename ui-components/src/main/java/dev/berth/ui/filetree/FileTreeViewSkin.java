package dev.berth.ui.filetree;

import dev.berth.ui.filetree.FileTreeCells.ChangeRow;
import dev.berth.ui.filetree.FileTreeCells.NameCell;
import dev.berth.ui.filetree.FileTreeCells.TextCell;
import dev.berth.ui.filetree.FileTreeModel.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Toolbar over a lazy {@link TreeTableView}; rows are created only for open folders. */
final class FileTreeViewSkin extends SkinBase<FileTreeView> {

    /** Matching more than this many paths does not open their folders automatically. */
    private static final int AUTO_EXPAND_MATCHES = 500;

    private final TreeTableView<Node> table = new TreeTableView<>();
    private final TreeTableColumn<Node, Node> nameColumn = new TreeTableColumn<>("Name");
    private final TreeTableColumn<Node, Node> sizeColumn = new TreeTableColumn<>("Size");
    private final Label placeholder = new Label();
    private final FileTreeToolbar toolbar;

    private FilterMatches shown = FilterMatches.ALL;
    private boolean syncingSort;

    FileTreeViewSkin(FileTreeView control) {
        super(control);
        toolbar = new FileTreeToolbar(control, this::expandAll, this::collapseAll);
        buildTable(control);
        VBox box = new VBox(toolbar.node(), table);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().add(box);

        control.modelProperty().addListener((obs, old, now) -> rebuild(false));
        control.filterProperty().addListener((obs, old, now) -> rebuild(true));
        control.onlyChangesProperty().addListener((obs, old, now) -> rebuild(true));
        control.sortBySizeProperty().addListener((obs, old, now) -> {
            syncSortOrder();
            rebuild(true);
        });
        control.sizeFormatProperty().addListener((obs, old, now) -> table.refresh());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, item) ->
                control.selectedNode.set(item == null ? null : item.getValue()));
        syncSortOrder();
        rebuild(false);
    }

    private void buildTable(FileTreeView control) {
        table.setId("file-tree-table");
        table.setShowRoot(false);
        table.setPlaceholder(placeholder);
        placeholder.getStyleClass().add("file-tree-placeholder");
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        nameColumn.setId("file-tree-name");
        nameColumn.setPrefWidth(320);
        nameColumn.setMinWidth(160);
        nameColumn.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(p.getValue().getValue()));
        nameColumn.setCellFactory(c -> new NameCell());
        sizeColumn.setId("file-tree-size");
        sizeColumn.setPrefWidth(90);
        sizeColumn.setMinWidth(70);
        sizeColumn.setSortType(TreeTableColumn.SortType.DESCENDING);
        sizeColumn.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(p.getValue().getValue()));
        sizeColumn.setCellFactory(c -> new TextCell(n -> control.sizeFormatProperty().get().apply(n.size()),
                "size-cell"));
        TreeTableColumn<Node, Node> mode = textColumn("Mode", 100, n -> n.entry() == null ? "" : n.entry().modeString(),
                "mode-cell");
        mode.setMinWidth(96);
        TreeTableColumn<Node, Node> owner = textColumn("Owner", 80,
                n -> n.entry() == null || n.entry().owner() == null ? "" : n.entry().owner(), "owner-cell");
        owner.setMinWidth(76);
        TreeTableColumn<Node, Node> link = textColumn("Link target", 180,
                n -> n.entry() == null || n.entry().linkTarget() == null ? "" : "→ " + n.entry().linkTarget(),
                "link-cell");
        table.getColumns().setAll(List.of(nameColumn, sizeColumn, mode, owner, link));
        table.setRowFactory(t -> new ChangeRow());
        // Sorting is ours: the lazy items are ordered as they are created, so the table's own sort
        // (which would create every row) only records which header was clicked.
        table.setSortPolicy(t -> {
            if (!syncingSort) {
                syncingSort = true;
                control.setSortBySize(!table.getSortOrder().isEmpty() && table.getSortOrder().get(0) == sizeColumn);
                syncingSort = false;
                rebuild(true);
            }
            return true;
        });
    }

    private TreeTableColumn<Node, Node> textColumn(String title, double width, Function<Node, String> text,
                                                   String styleClass) {
        TreeTableColumn<Node, Node> column = new TreeTableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(p.getValue().getValue()));
        column.setCellFactory(c -> new TextCell(text, styleClass));
        return column;
    }

    private void syncSortOrder() {
        if (syncingSort) {
            return;
        }
        syncingSort = true;
        if (getSkinnable().isSortBySize()) {
            sizeColumn.setSortType(TreeTableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(sizeColumn));
        } else {
            table.getSortOrder().clear();
        }
        syncingSort = false;
    }

    private Comparator<Node> order() {
        if (!table.getSortOrder().isEmpty()) {
            TreeTableColumn<Node, ?> first = table.getSortOrder().get(0);
            boolean ascending = first.getSortType() == TreeTableColumn.SortType.ASCENDING;
            if (first == sizeColumn) {
                return ascending ? FileTreeModel.BY_SIZE.reversed() : FileTreeModel.BY_SIZE;
            }
            if (first == nameColumn && !ascending) {
                return FileTreeModel.BY_NAME.reversed();
            }
        }
        return getSkinnable().isSortBySize() ? FileTreeModel.BY_SIZE : FileTreeModel.BY_NAME;
    }

    /** New rows for the current model, filter and order; keeps open folders and the selection. */
    private void rebuild(boolean keepState) {
        FileTreeView control = getSkinnable();
        FileTreeModel model = control.getModel();
        Set<String> expanded = keepState ? expandedPaths() : Set.of();
        TreeItem<Node> selected = table.getSelectionModel().getSelectedItem();
        String selectedPath = keepState && selected != null ? selected.getValue().path() : null;

        shown = FilterMatches.of(model, PathFilter.of(control.getFilter()), control.isOnlyChanges());
        LazyItem root = new LazyItem(model.root());
        root.setExpanded(true);
        table.setRoot(root);
        for (String path : expanded) {
            expandTo(path, false);
        }
        if (shown.filtered() && shown.matches().size() <= AUTO_EXPAND_MATCHES) {
            for (Node match : shown.matches()) {
                expandTo(match.parent() == null ? "/" : match.parent().path(), false);
            }
        }
        if (selectedPath != null) {
            expandTo(selectedPath, true);
        }
        toolbar.showSummary(model, shown);
        updatePlaceholder(model);
    }

    private List<TreeItem<Node>> childItems(Node node) {
        List<Node> kids = shown.shownChildren(node, order());
        List<TreeItem<Node>> items = new ArrayList<>(kids.size());
        for (Node c : kids) {
            items.add(new LazyItem(c));
        }
        return items;
    }

    private Set<String> expandedPaths() {
        Set<String> out = new HashSet<>();
        TreeItem<Node> root = table.getRoot();
        if (root == null) {
            return out;
        }
        Deque<TreeItem<Node>> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            TreeItem<Node> item = stack.pop();
            if (item != root && item.isExpanded()) {
                out.add(item.getValue().path());
            }
            if (item.isExpanded() && item instanceof LazyItem lazy && lazy.loaded) {
                item.getChildren().forEach(stack::push);
            }
        }
        return out;
    }

    /** Opens the folders down to {@code path} (and the path itself when it is a folder). */
    private TreeItem<Node> expandTo(String path, boolean select) {
        TreeItem<Node> item = table.getRoot();
        for (String part : FileTreeModel.normalize(path).split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            TreeItem<Node> next = null;
            for (TreeItem<Node> child : item.getChildren()) {
                if (child.getValue().name().equals(part)) {
                    next = child;
                    break;
                }
            }
            if (next == null) {
                return null;
            }
            item.setExpanded(true);
            item = next;
        }
        if (select) {
            table.getSelectionModel().select(item);
            int row = table.getRow(item);
            if (row >= 0) {
                table.scrollTo(Math.max(0, row - 3));
            }
        } else if (!item.isLeaf()) {
            item.setExpanded(true);
        }
        return item;
    }

    boolean reveal(String path) {
        TreeItem<Node> item = expandTo(path, true);
        return item != null && item != table.getRoot();
    }

    void expandAll() {
        int rows = 0;
        Deque<TreeItem<Node>> queue = new ArrayDeque<>();
        queue.add(table.getRoot());
        // Breadth first, so the limit leaves the upper levels open rather than one deep branch.
        while (!queue.isEmpty() && rows < FileTreeView.EXPAND_ALL_LIMIT) {
            TreeItem<Node> item = queue.poll();
            if (item.isLeaf()) {
                continue;
            }
            item.setExpanded(true);
            rows += item.getChildren().size();
            queue.addAll(item.getChildren());
        }
    }

    void collapseAll() {
        TreeItem<Node> root = table.getRoot();
        Deque<TreeItem<Node>> stack = new ArrayDeque<>();
        for (TreeItem<Node> c : root.getChildren()) {
            stack.push(c);
        }
        while (!stack.isEmpty()) {
            TreeItem<Node> item = stack.pop();
            if (item.isExpanded()) {
                item.getChildren().forEach(stack::push);
                item.setExpanded(false);
            }
        }
    }

    private void updatePlaceholder(FileTreeModel model) {
        placeholder.textProperty().unbind();
        if (model.entryCount() == 0) {
            placeholder.textProperty().bind(getSkinnable().placeholderTextProperty());
        } else {
            placeholder.setText("Nothing matches the filter");
        }
    }

    /** Creates its children only when first asked, i.e. when its folder opens. */
    private final class LazyItem extends TreeItem<Node> {
        private boolean loaded;

        LazyItem(Node node) {
            super(node);
        }

        @Override
        public boolean isLeaf() {
            return loaded ? super.getChildren().isEmpty() : !shown.hasShownChildren(getValue());
        }

        @Override
        public ObservableList<TreeItem<Node>> getChildren() {
            if (!loaded) {
                loaded = true;
                super.getChildren().setAll(childItems(getValue()));
            }
            return super.getChildren();
        }
    }
}
