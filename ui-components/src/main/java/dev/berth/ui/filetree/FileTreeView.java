package dev.berth.ui.filetree;

import java.util.Objects;
import java.util.function.LongFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * A file tree that shows what changed: added, modified and removed paths are marked and coloured,
 * folders show the size of what they hold, and each row shows mode, owner and link target. Above
 * the tree a toolbar filters by path or glob (see {@link PathFilter}), hides unchanged paths,
 * sorts by size and expands or collapses everything.
 *
 * <p>The tree is virtual and lazy: rows exist only for folders that are open, so a model with a few
 * hundred thousand entries opens at once.
 *
 * <pre>{@code
 * FileTreeView tree = new FileTreeView();
 * tree.setModel(FileTreeModel.of(List.of(
 *         new FileEntry("app/server.js", ChangeKind.ADDED, FileType.FILE, 5120, 0644, "0:0", null),
 *         new FileEntry("bin/sh", ChangeKind.UNCHANGED, FileType.SYMLINK, 0, 0777, "0:0", "/bin/busybox"),
 *         FileEntry.of("tmp/build", ChangeKind.REMOVED, FileType.DIRECTORY))));
 * tree.setOnlyChanges(true);
 * tree.setFilter("*.js");
 * tree.selectedNodeProperty().addListener((obs, old, node) -> System.out.println(node.path()));
 * }</pre>
 *
 * <p>Style classes: {@code file-tree-view}; rows carry the pseudo-classes {@code :added},
 * {@code :modified}, {@code :removed}; the mark before a name has {@code change-mark}.
 */
public class FileTreeView extends Control {

    /** Expanding everything stops after this many rows, so one click cannot stall the window. */
    public static final int EXPAND_ALL_LIMIT = 20_000;

    private static final String STYLESHEET = Objects.requireNonNull(
            FileTreeView.class.getResource("filetree.css")).toExternalForm();

    private final ObjectProperty<FileTreeModel> model =
            new SimpleObjectProperty<>(this, "model", FileTreeModel.empty());
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final BooleanProperty onlyChanges = new SimpleBooleanProperty(this, "onlyChanges");
    private final BooleanProperty sortBySize = new SimpleBooleanProperty(this, "sortBySize");
    private final BooleanProperty toolbarVisible = new SimpleBooleanProperty(this, "toolbarVisible", true);
    private final StringProperty placeholderText = new SimpleStringProperty(this, "placeholderText", "No files");
    private final ObjectProperty<LongFunction<String>> sizeFormat =
            new SimpleObjectProperty<>(this, "sizeFormat", FileTreeView::decimalBytes);
    final ReadOnlyObjectWrapper<FileTreeModel.Node> selectedNode =
            new ReadOnlyObjectWrapper<>(this, "selectedNode");

    public FileTreeView() {
        getStyleClass().add("file-tree-view");
        model.addListener((obs, old, now) -> {
            if (now == null) {
                model.set(FileTreeModel.empty());
            }
        });
    }

    public FileTreeView(FileTreeModel model) {
        this();
        setModel(model);
    }

    /** Opens every folder that holds something visible, up to {@link #EXPAND_ALL_LIMIT} rows. */
    public void expandAll() {
        if (getSkin() instanceof FileTreeViewSkin skin) {
            skin.expandAll();
        }
    }

    /** Closes every folder. */
    public void collapseAll() {
        if (getSkin() instanceof FileTreeViewSkin skin) {
            skin.collapseAll();
        }
    }

    /** Opens the folders down to a path and selects it; false when the path is not shown. */
    public boolean reveal(String path) {
        return getSkin() instanceof FileTreeViewSkin skin && skin.reveal(path);
    }

    public ObjectProperty<FileTreeModel> modelProperty() {
        return model;
    }

    public FileTreeModel getModel() {
        return model.get();
    }

    public void setModel(FileTreeModel value) {
        model.set(value);
    }

    /** Plain text (anywhere in the path, any case) or a glob; see {@link PathFilter}. */
    public StringProperty filterProperty() {
        return filter;
    }

    public String getFilter() {
        return filter.get();
    }

    public void setFilter(String value) {
        filter.set(value);
    }

    /** Hides paths that are unchanged and hold no change. */
    public BooleanProperty onlyChangesProperty() {
        return onlyChanges;
    }

    public boolean isOnlyChanges() {
        return onlyChanges.get();
    }

    public void setOnlyChanges(boolean value) {
        onlyChanges.set(value);
    }

    /** Biggest first (folders by what they hold) instead of folders first, then by name. */
    public BooleanProperty sortBySizeProperty() {
        return sortBySize;
    }

    public boolean isSortBySize() {
        return sortBySize.get();
    }

    public void setSortBySize(boolean value) {
        sortBySize.set(value);
    }

    public BooleanProperty toolbarVisibleProperty() {
        return toolbarVisible;
    }

    public boolean isToolbarVisible() {
        return toolbarVisible.get();
    }

    public void setToolbarVisible(boolean value) {
        toolbarVisible.set(value);
    }

    /** Shown when the model is empty or nothing matches. */
    public StringProperty placeholderTextProperty() {
        return placeholderText;
    }

    public void setPlaceholderText(String value) {
        placeholderText.set(value);
    }

    /** How sizes read; decimal units ("12.4 MB") unless set. */
    public ObjectProperty<LongFunction<String>> sizeFormatProperty() {
        return sizeFormat;
    }

    public void setSizeFormat(LongFunction<String> value) {
        sizeFormat.set(Objects.requireNonNull(value));
    }

    /** The node of the selected row, or null. */
    public ReadOnlyObjectProperty<FileTreeModel.Node> selectedNodeProperty() {
        return selectedNode.getReadOnlyProperty();
    }

    public FileTreeModel.Node getSelectedNode() {
        return selectedNode.get();
    }

    /** "532 B", "12.4 MB": decimal units, as the docker CLI prints sizes. */
    public static String decimalBytes(long bytes) {
        if (bytes < 0) {
            return "";
        }
        if (bytes < 1000) {
            return bytes + " B";
        }
        double scaled = bytes;
        int exponent = 0;
        while (scaled >= 999.95 && exponent < 5) {
            scaled /= 1000;
            exponent++;
        }
        return String.format(scaled >= 100 ? "%.0f %s" : "%.1f %s", scaled, " kMGTP".charAt(exponent) + "B");
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new FileTreeViewSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return STYLESHEET;
    }
}
