package dev.berth.ui.keyvalue;

import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A column of rows (key field, value field, remove button, problem line) and an Add button. Rows
 * are rebuilt only when rows are added or removed, never while typing, so focus stays put.
 */
public class KeyValueEditorSkin extends SkinBase<KeyValueEditor> {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final VBox rows = new VBox(4);

    public KeyValueEditorSkin(KeyValueEditor control) {
        super(control);
        rows.getStyleClass().add("key-value-rows");
        Button add = new Button(null, new FontIcon(Material2AL.ADD));
        add.textProperty().bind(control.addTextProperty());
        add.getStyleClass().add("key-value-add");
        add.setOnAction(e -> {
            control.add("", "");
            focusLastKey();
        });
        control.getEntries().addListener((ListChangeListener<KeyValueEditor.Entry>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved() || c.wasPermutated()) {
                    rebuild();
                    return;
                }
            }
        });
        rebuild();
        VBox layout = new VBox(6, rows, add);
        getChildren().add(layout);
    }

    private void rebuild() {
        rows.getChildren().clear();
        for (KeyValueEditor.Entry entry : getSkinnable().getEntries()) {
            rows.getChildren().add(row(entry));
        }
    }

    private VBox row(KeyValueEditor.Entry entry) {
        KeyValueEditor control = getSkinnable();
        TextField key = new TextField() {
            @Override
            public void paste() {
                Clipboard clipboard = Clipboard.getSystemClipboard();
                if (!clipboard.hasString() || !control.pasteLines(entry, clipboard.getString())) {
                    super.paste();
                }
            }
        };
        key.getStyleClass().add("key-field");
        key.promptTextProperty().bind(control.keyPromptProperty());
        key.textProperty().bindBidirectional(entry.keyProperty());
        TextField value = new TextField();
        value.getStyleClass().add("value-field");
        value.promptTextProperty().bind(control.valuePromptProperty());
        value.textProperty().bindBidirectional(entry.valueProperty());
        HBox.setHgrow(key, Priority.ALWAYS);
        HBox.setHgrow(value, Priority.ALWAYS);
        key.setPrefColumnCount(10);
        value.setPrefColumnCount(14);
        Button remove = new Button(null, new FontIcon(Material2MZ.REMOVE_CIRCLE_OUTLINE));
        remove.getStyleClass().add("key-value-remove");
        remove.setTooltip(new Tooltip("Remove this row"));
        remove.setAccessibleText("Remove this row");
        remove.setOnAction(e -> control.getEntries().remove(entry));
        Label equals = new Label("=");
        equals.getStyleClass().add("key-value-equals");
        HBox fields = new HBox(6, key, equals, value, remove);
        fields.setAlignment(Pos.CENTER_LEFT);
        Label problem = new Label();
        problem.getStyleClass().add("key-value-problem");
        problem.textProperty().bind(entry.problemProperty());
        problem.visibleProperty().bind(entry.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setWrapText(true);
        entry.problemProperty().addListener((obs, old, now) -> key.pseudoClassStateChanged(INVALID, now != null));
        key.pseudoClassStateChanged(INVALID, entry.getProblem() != null);
        VBox row = new VBox(2, fields, problem);
        row.getStyleClass().add("key-value-row");
        return row;
    }

    private void focusLastKey() {
        if (!rows.getChildren().isEmpty()) {
            VBox last = (VBox) rows.getChildren().get(rows.getChildren().size() - 1);
            last.lookup(".key-field").requestFocus();
        }
    }
}
