package dev.berth.app.containers;

import dev.berth.app.common.Formats;
import dev.berth.ui.chart.CanvasText;
import dev.berth.ui.chart.Sparkline;
import java.util.List;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TreeTableCell;
import javafx.scene.layout.Region;
import javafx.scene.text.TextAlignment;

/**
 * The table's live CPU and memory cells. Their numbers change every second for every running
 * container, and JavaFX answers a cell value change by laying out the cell's row, which lays out
 * the whole table; with more than a dozen rows changed at once it also repaints the whole table.
 * So these cells are not told of changes through their column: the column hands out a snapshot
 * (enough for sorting), and each cell watches its row's property itself and repaints its
 * {@link CanvasText} and {@link Sparkline}, which never ask for a layout. Screen readers get the
 * number as the cell's accessible text.
 */
final class LiveCells {

    private static final double SPARK_WIDTH = 44;
    private static final double SPARK_HEIGHT = 14;
    private static final double GAP = 6;

    private LiveCells() {
    }

    /** The CPU column's cell value: the percentage now (NaN while unknown), for sorting. */
    static ObservableValue<Number> cpuValue(ContainerEntry entry) {
        return new ReadOnlyObjectWrapper<>(entry instanceof ContainerRow row ? row.cpuPercentProperty().get() : Double.NaN);
    }

    /** The memory column's cell value: bytes in use now (-1 while unknown), for sorting. */
    static ObservableValue<Number> memoryValue(ContainerEntry entry) {
        return new ReadOnlyObjectWrapper<>(entry instanceof ContainerRow row ? row.memoryBytesProperty().get() : -1L);
    }

    static TreeTableCell<ContainerEntry, Number> memory() {
        CanvasText text = rightAligned();
        return new LiveCell(text, text, row -> List.of(row.memoryBytesProperty())) {
            @Override
            String render(ContainerRow row) {
                long bytes = row.memoryBytesProperty().get();
                return bytes < 0 ? ContainerColumns.UNKNOWN : Formats.bytes(bytes);
            }
        };
    }

    /** The CPU percentage with a sparkline of the last seconds beside it. */
    static TreeTableCell<ContainerEntry, Number> cpu() {
        CanvasText text = rightAligned();
        Sparkline spark = new Sparkline();
        Region content = new Region() {
            {
                getChildren().addAll(spark, text);
                setPrefWidth(SPARK_WIDTH + GAP + 44);
            }

            @Override
            protected void layoutChildren() {
                double h = getHeight();
                spark.resizeRelocate(0, Math.round((h - SPARK_HEIGHT) / 2), SPARK_WIDTH, SPARK_HEIGHT);
                text.resizeRelocate(SPARK_WIDTH + GAP, 0, Math.max(0, getWidth() - SPARK_WIDTH - GAP), h);
            }
        };
        return new LiveCell(content, text, row -> List.of(row.cpuPercentProperty(), row.cpuHistoryProperty())) {
            @Override
            String render(ContainerRow row) {
                double cpu = row.cpuPercentProperty().get();
                if (Double.isNaN(cpu)) {
                    spark.setValues(null);
                    return ContainerColumns.UNKNOWN;
                }
                spark.setValues(row.cpuHistoryProperty().get());
                return Formats.oneDecimal(cpu) + " %";
            }
        };
    }

    private static CanvasText rightAligned() {
        CanvasText text = new CanvasText();
        text.setAlignment(TextAlignment.RIGHT);
        return text;
    }

    /**
     * A cell showing {@code content} across its whole width and {@code text} in the cell's own font
     * and colour, repainted whenever one of its row's {@code watched} properties changes.
     */
    private abstract static class LiveCell extends TreeTableCell<ContainerEntry, Number> {
        private final Node content;
        private final CanvasText text;
        private final Function<ContainerRow, List<Observable>> watched;
        private final InvalidationListener changed = o -> refresh();
        private final WeakInvalidationListener weakChanged = new WeakInvalidationListener(changed);
        private ContainerRow row;

        LiveCell(Node content, CanvasText text, Function<ContainerRow, List<Observable>> watched) {
            this.content = content;
            this.text = text;
            this.watched = watched;
            getStyleClass().add("number-cell");
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            text.fontProperty().bind(fontProperty());
            text.fillProperty().bind(textFillProperty());
        }

        /** What the cell says for {@code row} now (and anything else it paints). */
        abstract String render(ContainerRow row);

        @Override
        protected void updateItem(Number snapshot, boolean empty) {
            super.updateItem(snapshot, empty);
            ContainerEntry entry = empty || getTableRow() == null ? null : getTableRow().getItem();
            ContainerRow now = entry instanceof ContainerRow r ? r : null;
            if (now != row) {
                if (row != null) {
                    watched.apply(row).forEach(p -> p.removeListener(weakChanged));
                    row.shownBy(-1);
                }
                row = now;
                if (row != null) {
                    watched.apply(row).forEach(p -> p.addListener(weakChanged));
                    row.shownBy(1);
                }
            }
            refresh();
        }

        private void refresh() {
            String value = row == null ? null : render(row);
            text.setText(value);
            setAccessibleText(value);
            Node wanted = value == null ? null : content;
            if (getGraphic() != wanted) {
                setGraphic(wanted);
            }
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            if (getGraphic() != null) {
                double left = snappedLeftInset();
                double top = snappedTopInset();
                getGraphic().resizeRelocate(left, top, Math.max(0, getWidth() - left - snappedRightInset()),
                        Math.max(0, getHeight() - top - snappedBottomInset()));
            }
        }
    }
}
