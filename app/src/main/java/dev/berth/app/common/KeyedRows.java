package dev.berth.app.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.Observable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * A table's rows of engine objects, brought up to date from each fresh list the engine gives:
 * matched by key, rows that went are removed, new ones added, the others updated in place, so the
 * selection and scroll position survive a reload. A row whose watched properties change is
 * tested against the filter again by itself (a new predicate would refilter every row and clear
 * the table's selection). Use on the UI thread.
 *
 * @param <S> what the engine lists (a summary record)
 * @param <R> the table's row
 */
public final class KeyedRows<S, R> {

    private final Function<S, String> keyOf;
    private final Function<S, R> create;
    private final BiConsumer<R, S> update;
    private final ObservableList<R> rows;
    private final FilteredList<R> visible;
    private final Map<String, R> byKey = new HashMap<>();
    private final Map<R, String> keys = new HashMap<>();

    /**
     * @param watched the properties of a row that {@code update} may change, and the filter reads
     */
    public KeyedRows(Function<S, String> keyOf, Function<S, R> create, BiConsumer<R, S> update,
                     Function<R, Observable[]> watched) {
        this.keyOf = keyOf;
        this.create = create;
        this.update = update;
        this.rows = FXCollections.observableArrayList(watched::apply);
        this.visible = new FilteredList<>(rows);
    }

    public ObservableList<R> rows() {
        return rows;
    }

    /** The rows the filter lets through. */
    public FilteredList<R> visible() {
        return visible;
    }

    /** The row with this key, or null. */
    public R get(String key) {
        return byKey.get(key);
    }

    /** Brings the rows up to date with {@code list}. */
    public void apply(List<S> list) {
        Set<String> seen = new HashSet<>();
        List<R> added = new ArrayList<>();
        for (S summary : list) {
            String key = keyOf.apply(summary);
            seen.add(key);
            R row = byKey.get(key);
            if (row == null) {
                row = create.apply(summary);
                byKey.put(key, row);
                keys.put(row, key);
                added.add(row);
            } else {
                update.accept(row, summary);
            }
        }
        rows.removeIf(row -> !seen.contains(keys.get(row)));
        byKey.keySet().retainAll(seen);
        keys.values().retainAll(seen);
        rows.addAll(added);
    }

    /** Shows only the rows {@code predicate} accepts; null shows every row. */
    public void filter(Predicate<R> predicate) {
        visible.setPredicate(predicate == null ? null : predicate::test);
    }
}
