package dev.berth.ui.logview;

import java.util.function.Supplier;
import javafx.css.PseudoClass;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ListCell;
import javafx.scene.control.Skin;
import javafx.scene.control.skin.ListCellSkin;

/** A row of the log list: one {@link LineNode}, marked when it is error output or a note. */
final class LogLineCell extends ListCell<LogLine> {

    private static final PseudoClass STDERR = PseudoClass.getPseudoClass("stderr");
    private static final PseudoClass NOTE = PseudoClass.getPseudoClass("note");

    private final LineNode node = new LineNode();
    private final Supplier<LineStyle> style;

    LogLineCell(Supplier<LineStyle> style) {
        this.style = style;
        getStyleClass().add("log-line-cell");
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        setText(null);
    }

    @Override
    protected void updateItem(LogLine line, boolean empty) {
        super.updateItem(line, empty);
        if (empty || line == null) {
            setGraphic(null);
            pseudoClassStateChanged(STDERR, false);
            pseudoClassStateChanged(NOTE, false);
            return;
        }
        node.show(line, style.get());
        setGraphic(node);
        pseudoClassStateChanged(STDERR, line.kind() == LogLine.Kind.ERROR);
        pseudoClassStateChanged(NOTE, line.kind() == LogLine.Kind.NOTE);
    }

    LineNode lineNode() {
        return node;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new CellSkin(this);
    }

    /**
     * Keeps the list cell's behaviour (selection by mouse) but lays the line out at the cell's
     * full width, which a wrapped line needs to know its height.
     */
    private static final class CellSkin extends ListCellSkin<LogLine> {
        private final LogLineCell cell;

        CellSkin(LogLineCell cell) {
            super(cell);
            this.cell = cell;
        }

        @Override
        protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
            double fixed = cell.getListView() == null ? -1 : cell.getListView().getFixedCellSize();
            if (fixed > 0) {
                return fixed;
            }
            if (cell.getGraphic() == null) {
                return top + bottom + cell.node.prefHeight(-1);
            }
            return top + cell.node.prefHeight(width < 0 ? -1 : width - left - right) + bottom;
        }

        @Override
        protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
            return left + (cell.getGraphic() == null ? 0 : cell.node.prefWidth(-1)) + right;
        }

        @Override
        protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
            return computePrefHeight(width, top, right, bottom, left);
        }

        @Override
        protected void layoutChildren(double x, double y, double w, double h) {
            if (cell.getGraphic() != null) {
                cell.node.resizeRelocate(x, y, w, h);
            }
        }
    }
}
