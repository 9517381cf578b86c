package dev.berth.ui.jsontree;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.control.TreeItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * A JSON document as a collapsible tree, with a search box that finds keys and values (expanding
 * the branches that hold them) and copying of a value, its path or the whole document.
 *
 * <pre>{@code
 * JsonTreeView tree = new JsonTreeView();
 * tree.setJson("{\"State\":{\"Status\":\"running\",\"Pid\":42}}");
 * tree.setSearchText("running");   // expands State and selects State.Status
 * tree.copyPath(tree.getSelected()); // ".State.Status" on the clipboard
 * }</pre>
 *
 * <p>Text that is not JSON shows as an error line instead of a tree ({@link #problemProperty()}).
 */
public class JsonTreeView extends Control {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String STYLESHEET = Objects.requireNonNull(
            JsonTreeView.class.getResource("jsontree.css")).toExternalForm();

    private final StringProperty json = new SimpleStringProperty(this, "json") {
        @Override
        protected void invalidated() {
            rebuild();
        }
    };
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "") {
        @Override
        protected void invalidated() {
            search();
        }
    };
    private final IntegerProperty expandedDepth = new SimpleIntegerProperty(this, "expandedDepth", 1);
    private final ReadOnlyObjectWrapper<TreeItem<JsonEntry>> root = new ReadOnlyObjectWrapper<>(this, "root");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ObservableList<TreeItem<JsonEntry>> matches = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper matchIndex = new ReadOnlyIntegerWrapper(this, "matchIndex", -1);
    private final ObjectProperty<TreeItem<JsonEntry>> selected = new SimpleObjectProperty<>(this, "selected");

    public JsonTreeView() {
        getStyleClass().add("json-tree-view");
    }

    public JsonTreeView(String json) {
        this();
        setJson(json);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new JsonTreeViewSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return STYLESHEET;
    }

    /** The document shown; setting it rebuilds the tree and reruns the search. */
    public StringProperty jsonProperty() {
        return json;
    }

    public String getJson() {
        return json.get();
    }

    public void setJson(String value) {
        json.set(value);
    }

    /** What the search box holds; matching ignores case. */
    public StringProperty searchTextProperty() {
        return searchText;
    }

    public String getSearchText() {
        return searchText.get();
    }

    public void setSearchText(String value) {
        searchText.set(value == null ? "" : value);
    }

    /** How many levels are open when a document is shown (1: the top-level fields). */
    public IntegerProperty expandedDepthProperty() {
        return expandedDepth;
    }

    /** The tree's root item, or null when there is no document or it is not JSON. */
    public ReadOnlyObjectProperty<TreeItem<JsonEntry>> rootProperty() {
        return root.getReadOnlyProperty();
    }

    /** Why the text is not shown as a tree, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The items the search found, in document order. */
    public ObservableList<TreeItem<JsonEntry>> getMatches() {
        return FXCollections.unmodifiableObservableList(matches);
    }

    /** Which match is current (0-based), or -1. */
    public ReadOnlyIntegerProperty matchIndexProperty() {
        return matchIndex.getReadOnlyProperty();
    }

    /** The item selected in the tree; following the search moves it. */
    public ObjectProperty<TreeItem<JsonEntry>> selectedProperty() {
        return selected;
    }

    public TreeItem<JsonEntry> getSelected() {
        return selected.get();
    }

    /** Moves to the next match, wrapping around. */
    public void nextMatch() {
        moveMatch(1);
    }

    /** Moves to the previous match, wrapping around. */
    public void previousMatch() {
        moveMatch(-1);
    }

    private void moveMatch(int step) {
        if (matches.isEmpty()) {
            return;
        }
        int next = Math.floorMod(matchIndex.get() + step, matches.size());
        matchIndex.set(next);
        selected.set(matches.get(next));
    }

    public void expandAll() {
        setExpanded(root.get(), true);
    }

    /** Closes everything below the root. */
    public void collapseAll() {
        if (root.get() != null) {
            root.get().getChildren().forEach(child -> setExpanded(child, false));
        }
    }

    private static void setExpanded(TreeItem<JsonEntry> item, boolean expanded) {
        if (item == null) {
            return;
        }
        if (!item.isLeaf()) {
            item.setExpanded(expanded);
        }
        item.getChildren().forEach(child -> setExpanded(child, expanded));
    }

    /** A value as text: a scalar's text, or indented JSON for an object or array. */
    public static String valueAsText(JsonEntry entry) {
        if (entry.isContainer()) {
            return pretty(entry.value());
        }
        return entry.value().isNull() ? "null" : entry.value().asText();
    }

    /** Puts the item's value on the clipboard. */
    public void copyValue(TreeItem<JsonEntry> item) {
        if (item != null) {
            copy(valueAsText(item.getValue()));
        }
    }

    /** Puts the item's path (e.g. {@code .State.Health.Status}) on the clipboard. */
    public void copyPath(TreeItem<JsonEntry> item) {
        if (item != null) {
            copy(item.getValue().path().isEmpty() ? "." : item.getValue().path());
        }
    }

    /** Puts the whole document, indented, on the clipboard. */
    public void copyDocument() {
        if (root.get() != null) {
            copy(pretty(root.get().getValue().value()));
        }
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static String pretty(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    private void rebuild() {
        matches.clear();
        matchIndex.set(-1);
        selected.set(null);
        String text = json.get();
        if (text == null || text.isBlank()) {
            problem.set(null);
            root.set(null);
            return;
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            problem.set("Not JSON: " + e.getOriginalMessage());
            root.set(null);
            return;
        }
        problem.set(null);
        TreeItem<JsonEntry> top = item(new JsonEntry("", node, ""), 0);
        top.setExpanded(true);
        root.set(top);
        search();
    }

    private TreeItem<JsonEntry> item(JsonEntry entry, int depth) {
        TreeItem<JsonEntry> item = new TreeItem<>(entry);
        JsonNode value = entry.value();
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                item.getChildren().add(item(new JsonEntry(field.getKey(), field.getValue(),
                        entry.fieldPath(field.getKey())), depth + 1));
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                item.getChildren().add(item(new JsonEntry("[" + i + "]", value.get(i), entry.elementPath(i)), depth + 1));
            }
        }
        item.setExpanded(depth < expandedDepth.get());
        return item;
    }

    private void search() {
        matches.clear();
        matchIndex.set(-1);
        String needle = searchText.get() == null ? "" : searchText.get().strip().toLowerCase(Locale.ROOT);
        if (root.get() == null || needle.isEmpty()) {
            return;
        }
        List<TreeItem<JsonEntry>> found = new ArrayList<>();
        collect(root.get(), needle, found);
        for (TreeItem<JsonEntry> match : found) {
            for (TreeItem<JsonEntry> p = match.getParent(); p != null; p = p.getParent()) {
                p.setExpanded(true);
            }
        }
        matches.setAll(found);
        if (!found.isEmpty()) {
            matchIndex.set(0);
            selected.set(found.get(0));
        }
    }

    private static void collect(TreeItem<JsonEntry> item, String needle, List<TreeItem<JsonEntry>> found) {
        if (item.getValue().matches(needle)) {
            found.add(item);
        }
        for (TreeItem<JsonEntry> child : item.getChildren()) {
            collect(child, needle, found);
        }
    }
}
