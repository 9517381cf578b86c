package dev.berth.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class KeyedRowsTest {

    record Item(String key, String state) {
    }

    static final class Row {
        final String key;
        final StringProperty state = new SimpleStringProperty();

        Row(Item item) {
            key = item.key();
            state.set(item.state());
        }
    }

    private final KeyedRows<Item, Row> rows = new KeyedRows<>(Item::key, Row::new, (row, item) -> row.state.set(item.state()),
            row -> new Observable[] {row.state});

    @Test
    void rowsAreMatchedByKeyUpdatedInPlaceAddedAndRemoved() {
        rows.apply(List.of(new Item("a", "up"), new Item("b", "up")));
        Row a = rows.get("a");

        rows.apply(List.of(new Item("a", "down"), new Item("c", "up")));

        assertThat(rows.rows()).extracting(r -> r.key).containsExactly("a", "c");
        assertThat(rows.get("a")).isSameAs(a);
        assertThat(a.state.get()).isEqualTo("down");
        assertThat(rows.get("b")).isNull();
    }

    @Test
    void underAFilterAnUpdatedRowIsTestedAloneAndTheOthersAreNotTouched() {
        rows.apply(List.of(new Item("a", "up"), new Item("b", "up"), new Item("c", "down")));
        rows.filter(r -> r.state.get().equals("up"));
        assertThat(rows.visible()).extracting(r -> r.key).containsExactly("a", "b");
        List<String> removedFromView = new ArrayList<>();
        rows.visible().addListener((ListChangeListener<Row>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(r -> removedFromView.add(r.key));
            }
        });

        rows.apply(List.of(new Item("a", "up"), new Item("b", "down"), new Item("c", "up")));

        assertThat(rows.visible()).extracting(r -> r.key).containsExactly("a", "c");
        // A table keeps the selection of rows that were never taken out of its list.
        assertThat(removedFromView).containsExactly("b");
    }
}
