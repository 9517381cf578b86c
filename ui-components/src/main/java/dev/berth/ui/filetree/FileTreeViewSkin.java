package dev.berth.ui.filetree;

import dev.berth.ui.filetree.FileTreeModel.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** Toolbar over a lazy {@link TreeTableView}; rows are created only for open folders. */
final class FileTreeViewSkin extends SkinBase<FileTreeView> {

    private static final PseudoClass ADDED = PseudoClass.getPseudoClass("added");
    private static final PseudoClass MODIFIED = PseudoClass.getPseudoClass("modified");
    private static final PseudoClass REMOVED = PseudoClass.getPseudoClass("removed");
    /** Matching more than this many paths does not open their folders automatically. */
    private static final int AUTO_EXPAND_MATCHES = 500;

    private final TreeTableView<Node> table = new TreeTableView<>();
    private final TreeTableColumn<Node, Node> nameColumn = new TreeTableColumn<>("Name");
    private final TreeTableColumn<Node, Node> sizeColumn = new TreeTableColumn<>("Size");
    private final Label summary = new Label();
    private final Label placeholder = new Label();
    private final ToggleButton onlyChanges = new ToggleButton("Only changes");
    private final ToggleButton bySize = new ToggleButton("Sort by size");

    /** Null when every node is shown; otherwise the nodes that match or hold a match. */
    private Set<Node> visible;
    private List<Node> matches = List.of();
    private boolean syncingSort;

    FileTreeViewSkin(FileTreeView control) {
        super(control);
        TextField filter = new TextField();
        filter.setId("file-tree-filter");
        filter.setPromptText("Filter: path or glob (*.so, /usr/**)");
        filter.textProperty().bindBidirectional(control.filterProperty());
        filter.getStyleClass().add("file-tree-filter");
        HBox.setHgrow(filter, Priority.SOMETIMES);
        filter.setPrefColumnCount(18);

        onlyChanges.setId("file-tree-only-changes");
        onlyChanges.setGraphic(new FontIcon(Material2AL.FILTER_LIST));
        onlyChanges.selectedProperty().bindBidirectional(control.onlyChangesProperty());
        bySize.setId("file-tree-sort-size");
        bySize.setGraphic(new FontIcon(Material2MZ.SORT));
        bySize.selectedProperty().bindBidirectional(control.sortBySizeProperty());
        Button expand = new Button(null, new FontIcon(Material2AL.EXPAND_MORE));
        expand.setId("file-tree-expand-all");
        expand.setTooltip(new Tooltip("Expand all"));
        expand.setOnAction(e -> expandAll());
        Button collapse = new Button(null, new FontIcon(Material2AL.EXPAND_LESS));
        collapse.setId("file-tree-collapse-all");
        collapse.setTooltip(new Tooltip("Collapse all"));
        collapse.setOnAction(e -> collapseAll());
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
        HBox toolbar = new HBox(6, filter, onlyChanges, bySize, expand, collapse, spacer, summary);
        toolbar.getStyleClass().add("file-tree-toolbar");
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.visibleProperty().bind(control.toolbarVisibleProperty());
        toolbar.managedProperty().bind(control.toolbarVisibleProperty());

        buildTable(control);
        VBox box = new VBox(toolbar, table);
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

        computeVisible(model, PathFilter.of(control.getFilter()), control.isOnlyChanges());
        LazyItem root = new LazyItem(model.root());
        root.setExpanded(true);
        table.setRoot(root);
        for (String path : expanded) {
            expandTo(path, false);
        }
        if (visible != null && matches.size() <= AUTO_EXPAND_MATCHES) {
            for (Node match : matches) {
                expandTo(match.parent() == null ? "/" : match.parent().path(), false);
            }
        }
        if (selectedPath != null) {
            expandTo(selectedPath, true);
        }
        updateSummary(model);
    }

    private void computeVisible(FileTreeModel model, PathFilter filter, boolean changesOnly) {
        if (filter.matchesAll() && !changesOnly) {
            visible = null;
            matches = List.of();
            return;
        }
        Set<Node> shown = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Node> hits = new ArrayList<>();
        // Depth-first with the path built on the way down, so each path string is made once.
        Deque<Node> nodes = new ArrayDeque<>();
        Deque<String> paths = new ArrayDeque<>();
        nodes.push(model.root());
        paths.push("");
        while (!nodes.isEmpty()) {
            Node n = nodes.pop();
            String path = paths.pop();
            if (changesOnly && !n.hasChanges()) {
                continue;
            }
            if (n.parent() != null && (!changesOnly || n.kind().isChange()) && filter.test(path)) {
                hits.add(n);
                for (Node up = n; up != null && shown.add(up); up = up.parent()) {
                    // marks the match and every folder above it
                }
            }
            for (Node c : n.children()) {
                nodes.push(c);
                paths.push(path + "/" + c.name());
            }
        }
        visible = shown;
        matches = hits;
    }

    private boolean shown(Node n) {
        if (visible != null) {
            return visible.contains(n);
        }
        return true;
    }

    private List<TreeItem<Node>> childItems(Node node) {
        List<Node> kids = new ArrayList<>();
        for (Node c : node.children()) {
            if (shown(c)) {
                kids.add(c);
            }
        }
        kids.sort(order());
        List<TreeItem<Node>> items = new ArrayList<>(kids.size());
        for (Node c : kids) {
            items.add(new LazyItem(c));
        }
        return items;
    }

    private boolean hasShownChildren(Node node) {
        for (Node c : node.children()) {
            if (shown(c)) {
                return true;
            }
        }
        return false;
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

    private void updateSummary(FileTreeModel model) {
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
        if (visible != null) {
            text.append(" · ").append(String.format("%,d", matches.size())).append(" shown");
        }
        summary.setText(text.toString());
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
            return loaded ? super.getChildren().isEmpty() : !hasShownChildren(getValue());
        }

        @Override
        public javafx.collections.ObservableList<TreeItem<Node>> getChildren() {
            if (!loaded) {
                loaded = true;
                super.getChildren().setAll(childItems(getValue()));
            }
            return super.getChildren();
        }
    }

    private static final class ChangeRow extends TreeTableRow<Node> {
        @Override
        protected void updateItem(Node node, boolean empty) {
            super.updateItem(node, empty);
            ChangeKind kind = empty || node == null ? ChangeKind.UNCHANGED : node.kind();
            pseudoClassStateChanged(ADDED, kind == ChangeKind.ADDED);
            pseudoClassStateChanged(MODIFIED, kind == ChangeKind.MODIFIED);
            pseudoClassStateChanged(REMOVED, kind == ChangeKind.REMOVED);
        }
    }

    private static final class NameCell extends TreeTableCell<Node, Node> {
        private final Label mark = new Label();
        private final FontIcon icon = new FontIcon();
        private final HBox graphic = new HBox(4, mark, icon);

        NameCell() {
            mark.getStyleClass().add("change-mark");
            icon.getStyleClass().add("file-icon");
            graphic.setAlignment(Pos.CENTER_LEFT);
            getStyleClass().add("name-cell");
        }

        @Override
        protected void updateItem(Node node, boolean empty) {
            super.updateItem(node, empty);
            if (empty || node == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setText(node.name());
            mark.setText(node.kind().mark());
            icon.setIconCode(switch (node.type()) {
                case DIRECTORY -> Material2AL.FOLDER;
                case SYMLINK, HARDLINK -> Material2AL.LINK;
                case FILE -> Material2OutlinedAL.INSERT_DRIVE_FILE;
                case OTHER -> Material2MZ.SETTINGS_INPUT_COMPONENT;
            });
            if (node.isDirectory() && node.type() != FileType.DIRECTORY) {
                icon.setIconCode(Material2AL.FOLDER);
            }
            setGraphic(graphic);
            setTooltip(node.kind().isChange() ? new Tooltip(node.path() + " · " + node.kind().word()) : null);
        }
    }

    private static final class TextCell extends TreeTableCell<Node, Node> {
        private final Function<Node, String> text;

        TextCell(Function<Node, String> text, String styleClass) {
            this.text = text;
            getStyleClass().add(styleClass);
        }

        @Override
        protected void updateItem(Node node, boolean empty) {
            super.updateItem(node, empty);
            setText(empty || node == null ? null : text.apply(node));
        }
    }
}
