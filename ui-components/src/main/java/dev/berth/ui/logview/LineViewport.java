package dev.berth.ui.logview;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.canvas.GraphicsContext;

/**
 * Which lines a {@link LineFlow} shows, and where. The position is the top line's sequence (plus a
 * visual row inside it when wrapping), or pinned to the newest line; each layout places the lines
 * on screen from it, and the scroll moves change it. No nodes here: the flow sizes its canvas and
 * scroll bars around what this placed.
 */
final class LineViewport {

    private final ShownLines lines;
    private final Supplier<LineStyle> style;
    private final Map<Long, LineLayout> layouts = new HashMap<>();
    private int layoutsVersion = -1;

    private boolean pinnedToEnd = true;
    private long topSequence;
    private int topRow;
    private double hOffset;

    /** What the last layout placed: shown index, first visual row drawn and y of each line on screen. */
    private final LinePainter.Placement placed = new LinePainter.Placement();
    private int topIndex;
    private boolean atEnd = true;
    private int columnsPerRow = 1;

    LineViewport(ShownLines lines, Supplier<LineStyle> style) {
        this.lines = lines;
        this.style = style;
    }

    // ---- scrolling ---------------------------------------------------------------------------

    /** Keeps the newest line at the bottom from now on (or stops doing so where it is); true if that changed. */
    boolean setPinnedToEnd(boolean value) {
        if (pinnedToEnd != value) {
            if (!value && lines.size() > 0) {
                topSequence = lines.sequenceAt(Math.min(topIndex, lines.size() - 1));
            }
            pinnedToEnd = value;
            return true;
        }
        return false;
    }

    /** Puts the line at this shown index a third down the screen if it was not in view; false if there is none. */
    boolean reveal(int index, double viewportHeight) {
        if (index < 0 || index >= lines.size()) {
            return false;
        }
        if (isFullyVisible(index, viewportHeight)) {
            return true;
        }
        int rows = Math.max(1, visibleRowCapacity(viewportHeight));
        pinnedToEnd = false;
        topSequence = lines.sequenceAt(Math.max(0, index - rows / 3));
        topRow = 0;
        return true;
    }

    /** Scrolls as little as possible to bring the line at this index fully into view; true if it moved. */
    boolean ensureVisible(int index, double viewportHeight) {
        if (index < 0 || index >= lines.size() || isFullyVisible(index, viewportHeight)) {
            return false;
        }
        pinnedToEnd = false;
        if (index <= topIndex) {
            topSequence = lines.sequenceAt(index);
            topRow = 0;
        } else {
            int rows = Math.max(1, visibleRowCapacity(viewportHeight));
            topSequence = lines.sequenceAt(Math.max(0, index - rows + 1));
            topRow = 0;
        }
        return true;
    }

    private boolean isFullyVisible(int index, double viewportHeight) {
        for (int k = 0; k < placed.count; k++) {
            if (placed.index[k] == index) {
                return placed.firstRow[k] == 0 && placed.y[k] + placed.rows[k] * lineHeight() <= viewportHeight + 0.5;
            }
        }
        return false;
    }

    /** Moves by visual rows (negative: towards older lines); false when there was nothing to move. */
    boolean scrollRows(int delta) {
        int count = lines.size();
        if (count == 0 || delta == 0) {
            return false;
        }
        pinnedToEnd = false;
        int index = Math.min(topIndex, count - 1);
        int row = topRow + delta;
        while (row < 0 && index > 0) {
            index--;
            row += rowsOf(index);
        }
        row = Math.max(0, row);
        while (index < count - 1 && row >= rowsOf(index)) {
            row -= rowsOf(index);
            index++;
        }
        topSequence = lines.sequenceAt(index);
        topRow = Math.min(row, rowsOf(index) - 1);
        return true;
    }

    /** Puts the line at this vertical scroll bar value at the top; false when there are no lines. */
    boolean scrollTo(double barValue) {
        int count = lines.size();
        if (count == 0) {
            return false;
        }
        int index = (int) Math.max(0, Math.min(count - 1, Math.floor(barValue)));
        pinnedToEnd = false;
        topSequence = lines.sequenceAt(index);
        topRow = 0;
        return true;
    }

    void scrollHorizontally(double delta) {
        hOffset = Math.max(0, hOffset + delta);
    }

    void setHorizontalOffset(double value) {
        hOffset = value;
    }

    double horizontalOffset() {
        return hOffset;
    }

    boolean isAtEnd() {
        return atEnd;
    }

    /** True when the first line's first row is at the top and the newest line fully in view. */
    boolean showsEverything() {
        return topIndex == 0 && topRow == 0 && atEnd;
    }

    int firstVisibleIndex() {
        return topIndex;
    }

    int visibleRows() {
        return placed.count;
    }

    private double lineHeight() {
        return style.get().lineHeight;
    }

    private int visibleRowCapacity(double viewportHeight) {
        return (int) Math.floor(viewportHeight / lineHeight());
    }

    /** Shown index of the line at this y (in the viewport), clamped to the lines on screen; -1 if none. */
    int indexAt(double inViewport) {
        double h = lineHeight();
        for (int k = 0; k < placed.count; k++) {
            if (inViewport < placed.y[k] + placed.rows[k] * h) {
                return placed.index[k];
            }
        }
        return placed.count == 0 ? -1 : placed.index[placed.count - 1];
    }

    /** The y (in the viewport) of the top of the line at this shown index, or NaN when off screen. */
    double topOf(int index) {
        for (int k = 0; k < placed.count; k++) {
            if (placed.index[k] == index) {
                return placed.y[k];
            }
        }
        return Double.NaN;
    }

    // ---- layout --------------------------------------------------------------------------------

    private LineLayout layoutOf(int index) {
        LineStyle s = style.get();
        if (s.version != layoutsVersion || layouts.size() > 2048) {
            layouts.clear();
            layoutsVersion = s.version;
        }
        long seq = lines.sequenceAt(index);
        LineLayout layout = layouts.get(seq);
        if (layout == null) {
            layout = LineLayout.of(lines.get(index), s);
            layouts.put(seq, layout);
        }
        return layout;
    }

    private int rowsOf(int index) {
        return style.get().wrap ? layoutOf(index).rows(columnsPerRow) : 1;
    }

    /** Forgets how lines looked (the search, palette or font changed). */
    void forgetLayouts() {
        layouts.clear();
    }

    /** Decides which lines go where; returns the content width (widest line on screen). */
    double place(int count, LineStyle s, double viewW, double viewH) {
        columnsPerRow = Math.max(1, (int) Math.floor((viewW - LineStyle.PAD_LEFT - LineStyle.PAD_RIGHT) / s.advance));
        placed.clear();
        if (count == 0) {
            topIndex = 0;
            topRow = 0;
            atEnd = true;
            return 0;
        }
        int rowsOnScreen = Math.max(1, (int) Math.ceil(viewH / s.lineHeight));
        if (pinnedToEnd) {
            // Fill from the newest line upwards.
            int index = count - 1;
            int filled = 0;
            int first = 0;
            while (index >= 0) {
                int rows = rowsOf(index);
                int fullRows = (int) Math.floor(viewH / s.lineHeight);
                if (filled + rows >= fullRows) {
                    first = Math.max(0, filled + rows - fullRows);
                    break;
                }
                filled += rows;
                index--;
            }
            topIndex = Math.max(0, index);
            topRow = index < 0 ? 0 : first;
        } else {
            topIndex = Math.min(lines.indexAtOrAfter(topSequence), count - 1);
            if (lines.sequenceAt(topIndex) != topSequence) {
                topRow = 0;
            }
            topRow = Math.min(topRow, rowsOf(topIndex) - 1);
            // Never leave empty rows below the newest line while older lines could fill them.
            int below = -topRow;
            for (int i = topIndex; i < count && below < rowsOnScreen; i++) {
                below += rowsOf(i);
            }
            int fullRows = (int) Math.floor(viewH / s.lineHeight);
            while (below < fullRows && (topRow > 0 || topIndex > 0)) {
                if (topRow > 0) {
                    topRow--;
                } else {
                    topIndex--;
                    topRow = rowsOf(topIndex) - 1;
                }
                below++;
            }
        }
        topSequence = lines.sequenceAt(topIndex);
        double y = -topRow * s.lineHeight;
        int index = topIndex;
        int widest = 0;
        while (index < count && y < viewH) {
            int rows = rowsOf(index);
            placed.add(index, index == topIndex ? topRow : 0, rows, y);
            if (!s.wrap) {
                widest = Math.max(widest, layoutOf(index).width());
            }
            y += rows * s.lineHeight;
            index++;
        }
        atEnd = index >= count && y <= viewH + 0.5;
        double contentWidth = LineStyle.PAD_LEFT + widest * s.advance + LineStyle.PAD_RIGHT;
        hOffset = s.wrap ? 0 : Math.max(0, Math.min(hOffset, Math.max(0, contentWidth - viewW)));
        return contentWidth;
    }

    void paint(GraphicsContext g, LineStyle s, LineSelection selection, double viewW, double viewH) {
        LinePainter.paint(g, s, lines, this::layoutOf, placed, selection, columnsPerRow, hOffset, viewW, viewH);
    }
}
