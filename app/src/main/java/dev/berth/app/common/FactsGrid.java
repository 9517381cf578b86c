package dev.berth.app.common;

import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * A details tab's facts: a key column over a value column, styled as the container overview's
 * sections are. Values wrap; identifiers and paths are shown monospaced.
 */
public final class FactsGrid extends GridPane {

    private int rows;

    public FactsGrid() {
        getStyleClass().add("details-grid");
        setHgap(16);
        setVgap(6);
        setPadding(new Insets(12));
        ColumnConstraints keys = new ColumnConstraints(150, 150, 150);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(0);
        getColumnConstraints().addAll(keys, values);
    }

    /** Starts over. */
    public void clear() {
        getChildren().clear();
        rows = 0;
    }

    public void add(String key, String value) {
        add(key, value, false);
    }

    /** Adds a fact; {@code mono} for IDs, paths, addresses and key=value lists. */
    public void add(String key, String value, boolean mono) {
        Label k = new Label(key);
        k.getStyleClass().add("details-key");
        k.setWrapText(true);
        GridPane.setValignment(k, VPos.TOP);
        Label v = new Label(value);
        v.setWrapText(true);
        if (mono) {
            v.getStyleClass().add("monospace");
        }
        addRow(rows++, k, v);
    }
}
