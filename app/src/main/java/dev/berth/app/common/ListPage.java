package dev.berth.app.common;

import dev.berth.app.theme.Css;
import java.time.Instant;
import java.util.function.Function;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The parts every list of engine objects (images, volumes, networks) is built from, so the pages
 * look and read alike: a header with the title, a count and the actions; a filter row; a
 * "created" column.
 */
public final class ListPage {

    private ListPage() {
    }

    /**
     * The page's top: the title, the count (given the id {@code <prefix>-count}) and the actions at
     * the right, over the filter row.
     */
    public static Node top(String title, String prefix, StringBinding count, Node[] actions, Node... filterRow) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Css.VIEW_TITLE);
        Label counted = new Label();
        counted.getStyleClass().add(Css.VIEW_SUBTITLE);
        counted.setId(prefix + "-count");
        counted.textProperty().bind(count);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(8, heading, counted, spacer);
        toolbar.getChildren().addAll(actions);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add(Css.VIEW_TOOLBAR);
        toolbar.setPadding(new Insets(12, 16, 6, 16));
        HBox filters = new HBox(8, filterRow);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.setPadding(new Insets(0, 16, 8, 16));
        return new VBox(toolbar, filters);
    }

    /**
     * Sets up a page's table: its id, the rows (sorted as the user clicks the headers), several
     * rows selectable, the last column taking the spare width, and what it shows when empty.
     */
    public static <R> void table(TableView<R> table, String id, ObservableList<R> rows, Node placeholder) {
        table.setId(id);
        SortedList<R> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(placeholder);
    }

    /** The filter box, with the id {@code <prefix>-filter}. */
    public static TextField filter(String prefix, String prompt, double width) {
        TextField filter = new TextField();
        filter.setId(prefix + "-filter");
        filter.setPromptText(prompt);
        filter.setPrefWidth(width);
        return filter;
    }

    /** A filter switch such as "Unused only", with the id {@code <prefix>-<word>}. */
    public static ToggleButton toggle(String prefix, String word, String text) {
        ToggleButton toggle = new ToggleButton(text);
        toggle.setId(prefix + "-" + word);
        return toggle;
    }

    /** "Created" as "3 days ago", sorted by the instant. */
    public static <R> TableColumn<R, Instant> createdColumn(Function<R, ObservableValue<Instant>> created, double width) {
        TableColumn<R, Instant> column = new TableColumn<>("Created");
        column.setCellValueFactory(c -> created.apply(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant when, boolean empty) {
                super.updateItem(when, empty);
                setText(empty || when == null ? null : Formats.ago(when, Instant.now()));
            }
        });
        column.setPrefWidth(width);
        return column;
    }
}
