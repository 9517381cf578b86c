package dev.berth.app.common;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;

/**
 * What a list page does with its table's selection: one selected row opens its details under
 * the table (shown again whenever the row's watched properties change), anything else closes
 * them; and a row just created is selected as soon as the list has it.
 *
 * @param <R> the table's row
 */
public final class TableSelection<R> {

    private final TableView<R> table;
    private final SplitPane split;
    private final Node details;
    private final Consumer<R> show;
    private final Function<R, List<Observable>> watched;
    private final Consumer<R> opened;
    private final InvalidationListener refresh;
    private R shown;
    private Function<ObservableList<R>, R> pending;

    /**
     * @param split   holds the table; the details go below it
     * @param show    fills the details with a row's facts (again on every change)
     * @param watched the properties of a row whose changes show it again
     * @param opened  called once when a row's details open, e.g. to fetch its inspect document
     */
    public TableSelection(TableView<R> table, SplitPane split, Node details, Consumer<R> show,
                          Function<R, List<Observable>> watched, Consumer<R> opened, ObservableList<R> rows) {
        this.table = table;
        this.split = split;
        this.details = details;
        this.show = show;
        this.watched = watched;
        this.opened = opened;
        this.refresh = obs -> {
            if (shown != null) {
                show.accept(shown);
            }
        };
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<R>) c -> selectionChanged());
        rows.addListener((ListChangeListener<R>) c -> selectPending(rows));
    }

    /**
     * {@code action}, run only if {@code row}'s details still show when it is called: for answers
     * that arrive after the user may have picked another row.
     */
    public <T> Consumer<T> ifStillShown(R row, Consumer<T> action) {
        return value -> {
            if (shown == row) {
                action.accept(value);
            }
        };
    }

    /** The row whose details show, or null. */
    public R shown() {
        return shown;
    }

    /** Selects the row {@code find} picks from the rows, now or as soon as the list has it. */
    public void selectWhenListed(Function<ObservableList<R>, R> find) {
        pending = find;
        selectPending(table.getItems());
    }

    private void selectPending(ObservableList<R> rows) {
        R row = pending == null ? null : pending.apply(rows);
        if (row != null) {
            pending = null;
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(row);
            table.scrollTo(row);
        }
    }

    private void selectionChanged() {
        List<R> selected = table.getSelectionModel().getSelectedItems();
        R row = selected.size() == 1 ? selected.get(0) : null;
        if (row == shown) {
            return;
        }
        if (shown != null) {
            watched.apply(shown).forEach(p -> p.removeListener(refresh));
        }
        shown = row;
        if (row == null) {
            split.getItems().remove(details);
            return;
        }
        watched.apply(row).forEach(p -> p.addListener(refresh));
        show.accept(row);
        if (!split.getItems().contains(details)) {
            split.getItems().add(details);
            split.setDividerPositions(0.52);
        }
        opened.accept(row);
    }
}
