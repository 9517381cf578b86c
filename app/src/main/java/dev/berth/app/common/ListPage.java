package dev.berth.app.common;

import dev.berth.app.theme.Css;
import dev.berth.ui.badge.Badge;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

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

    /** "Create", the page's main action, enabled while the engine is connected. */
    public static Button createButton(String id, ObservableBooleanValue connected, Runnable create) {
        Button button = new Button("Create", new FontIcon(Material2AL.ADD));
        button.setId(id);
        button.getStyleClass().add("accent");
        button.disableProperty().bind(Bindings.not(connected));
        button.setOnAction(e -> create.run());
        return button;
    }

    /** "Remove", in the danger colour, enabled while rows are selected. */
    public static Button removeButton(String id, TableView<?> table, Runnable remove) {
        Button button = new Button("Remove", new FontIcon(Material2AL.DELETE));
        button.setId(id);
        button.getStyleClass().add(Css.DANGER);
        button.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedItems()));
        button.setOnAction(e -> remove.run());
        return button;
    }

    /** A column of text. */
    public static <R, T> TableColumn<R, T> column(String title, double width, Function<R, ObservableValue<T>> value) {
        TableColumn<R, T> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> value.apply(c.getValue()));
        column.setPrefWidth(width);
        return column;
    }

    /** The header's count: "3 volumes · 1 unused", then "· 2 shown" while the filter hides some. */
    public static String count(int all, String one, String many, long unused, int shown) {
        String text = all + " " + (all == 1 ? one : many) + " · " + unused + " unused";
        return shown != all ? text + " · " + shown + " shown" : text;
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

    /** Bytes as "12.4 MB", sorted by the number; a negative size (not known) shows as "—". */
    public static <R> TableColumn<R, Number> sizeColumn(Function<R, ObservableValue<Number>> size, double width) {
        TableColumn<R, Number> column = new TableColumn<>("Size");
        column.setCellValueFactory(c -> size.apply(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Number bytes, boolean empty) {
                super.updateItem(bytes, empty);
                setText(empty || bytes == null ? null : bytes.longValue() >= 0 ? Formats.bytes(bytes.longValue()) : "—");
            }
        });
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        column.setPrefWidth(width);
        return column;
    }

    /**
     * The containers using a row's object: an "in use" badge and their names (all of them on
     * hover), sorted by how many. With {@code unusedBadge}, an object nothing uses says "unused".
     *
     * @param verb how the hover text starts, e.g. "Used by", "Mounted by"
     */
    public static <R> TableColumn<R, List<String>> containersColumn(String title, String verb,
            Function<R, ObservableValue<List<String>>> containers, boolean unusedBadge, double width) {
        TableColumn<R, List<String>> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> containers.apply(c.getValue()));
        column.setComparator((a, b) -> Integer.compare(a.size(), b.size()));
        column.setCellFactory(c -> new TableCell<>() {
            private final Badge unused = new Badge("unused", Badge.Tone.WARNING);
            private final Badge inUse = new Badge("in use", Badge.Tone.ACCENT);
            private final Label names = new Label();
            private final HBox box = new HBox(6, inUse, names);

            {
                box.setAlignment(Pos.CENTER_LEFT);
                names.getStyleClass().add(Css.VIEW_SUBTITLE);
            }

            @Override
            protected void updateItem(List<String> using, boolean empty) {
                super.updateItem(using, empty);
                if (empty || using == null || using.isEmpty()) {
                    setGraphic(!empty && using != null && unusedBadge ? unused : null);
                    setTooltip(null);
                    return;
                }
                names.setText(String.join(", ", using));
                setGraphic(box);
                setTooltip(new Tooltip(verb + " " + String.join(", ", using)));
            }
        });
        column.setPrefWidth(width);
        return column;
    }
}
