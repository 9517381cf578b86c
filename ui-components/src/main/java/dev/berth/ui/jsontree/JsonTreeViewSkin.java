package dev.berth.ui.jsontree;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Search bar above a tree view; one cell per key with its value coloured by kind. */
public class JsonTreeViewSkin extends SkinBase<JsonTreeView> {

    private static final PseudoClass MATCH = PseudoClass.getPseudoClass("match");
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final TreeView<JsonEntry> tree = new TreeView<>();
    private final TextField search = new TextField();

    public JsonTreeViewSkin(JsonTreeView control) {
        super(control);
        search.getStyleClass().add("json-search");
        search.setPromptText("Search keys and values");
        search.textProperty().bindBidirectional(control.searchTextProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) {
                    control.previousMatch();
                } else {
                    control.nextMatch();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && !search.getText().isEmpty()) {
                search.clear();
                e.consume();
            }
        });
        Label count = new Label();
        count.getStyleClass().add("json-match-count");
        count.setMinWidth(Label.USE_PREF_SIZE);
        count.textProperty().bind(Bindings.createStringBinding(() -> {
            if (control.getSearchText().isBlank()) {
                return "";
            }
            int n = control.getMatches().size();
            return n == 0 ? "No matches" : (control.matchIndexProperty().get() + 1) + " of " + n;
        }, control.searchTextProperty(), control.getMatches(), control.matchIndexProperty()));

        Button previous = iconButton(Material2AL.KEYBOARD_ARROW_UP, "Previous match (Shift+Enter)", control::previousMatch);
        Button next = iconButton(Material2AL.KEYBOARD_ARROW_DOWN, "Next match (Enter)", control::nextMatch);
        previous.disableProperty().bind(Bindings.isEmpty(control.getMatches()));
        next.disableProperty().bind(Bindings.isEmpty(control.getMatches()));
        Button expand = iconButton(Material2MZ.UNFOLD_MORE, "Expand all", control::expandAll);
        Button collapse = iconButton(Material2MZ.UNFOLD_LESS, "Collapse all", control::collapseAll);
        Button copyAll = new Button("Copy JSON", new FontIcon(Material2AL.CONTENT_COPY));
        copyAll.getStyleClass().add("json-copy-all");
        copyAll.setOnAction(e -> control.copyDocument());
        copyAll.disableProperty().bind(control.rootProperty().isNull());
        FontIcon magnifier = new FontIcon(Material2MZ.SEARCH);
        magnifier.getStyleClass().add("json-search-icon");
        HBox bar = new HBox(6, magnifier, search, count, previous, next, expand, collapse, copyAll);
        bar.getStyleClass().add("json-tree-bar");
        bar.setAlignment(Pos.CENTER_LEFT);

        tree.getStyleClass().add("json-tree");
        tree.setShowRoot(false);
        tree.rootProperty().bind(control.rootProperty());
        tree.setCellFactory(t -> new EntryCell(control));
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> control.selectedProperty().set(now));
        control.selectedProperty().addListener((obs, old, now) -> select(now));
        control.searchTextProperty().addListener((obs, old, now) -> tree.refresh());
        tree.setOnKeyPressed(e -> {
            if (COPY.match(e)) {
                control.copyValue(tree.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        MenuItem copyValue = new MenuItem("Copy value", new FontIcon(Material2AL.CONTENT_COPY));
        copyValue.setOnAction(e -> control.copyValue(tree.getSelectionModel().getSelectedItem()));
        MenuItem copyPath = new MenuItem("Copy path");
        copyPath.setOnAction(e -> control.copyPath(tree.getSelectionModel().getSelectedItem()));
        MenuItem copyDocument = new MenuItem("Copy whole document");
        copyDocument.setOnAction(e -> control.copyDocument());
        tree.setContextMenu(new ContextMenu(copyValue, copyPath, new SeparatorMenuItem(), copyDocument));

        Label problem = new Label();
        problem.getStyleClass().add("json-problem");
        problem.textProperty().bind(control.problemProperty());
        problem.visibleProperty().bind(control.problemProperty().isNotNull());
        StackPane body = new StackPane(tree, problem);
        StackPane.setAlignment(problem, Pos.TOP_LEFT);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox layout = new VBox(bar, body);
        getChildren().add(layout);
    }

    private void select(TreeItem<JsonEntry> item) {
        if (item == null) {
            tree.getSelectionModel().clearSelection();
            return;
        }
        if (tree.getSelectionModel().getSelectedItem() != item) {
            tree.getSelectionModel().select(item);
        }
        int row = tree.getRow(item);
        if (row >= 0) {
            tree.scrollTo(Math.max(0, row - 3));
        }
    }

    private static Button iconButton(Ikon icon, String tip, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().add("json-icon-button");
        button.setTooltip(new Tooltip(tip));
        button.setAccessibleText(tip);
        button.setOnAction(e -> action.run());
        return button;
    }

    /** The tree, for tests and for callers that want to observe it. */
    TreeView<JsonEntry> tree() {
        return tree;
    }

    /** "key: value", the value coloured by its kind; a search hit is marked. */
    private static final class EntryCell extends TreeCell<JsonEntry> {
        private final JsonTreeView control;
        private final Label key = new Label();
        private final Label value = new Label();
        private final HBox box = new HBox(key, value);

        EntryCell(JsonTreeView control) {
            this.control = control;
            key.getStyleClass().add("json-key");
            value.getStyleClass().add("json-value");
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(JsonEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            value.getStyleClass().removeIf(c -> c.startsWith("json-kind-"));
            if (empty || entry == null) {
                setGraphic(null);
                setText(null);
                pseudoClassStateChanged(MATCH, false);
                return;
            }
            key.setText(entry.key() + ": ");
            key.getStyleClass().remove("json-index");
            if (entry.key().startsWith("[")) {
                key.getStyleClass().add("json-index");
            }
            value.setText(entry.valueText());
            value.getStyleClass().add("json-kind-" + entry.kind());
            setText(null);
            setGraphic(box);
            String needle = control.getSearchText() == null ? "" : control.getSearchText().strip().toLowerCase(Locale.ROOT);
            pseudoClassStateChanged(MATCH, entry.matches(needle));
        }
    }
}
