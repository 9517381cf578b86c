package dev.berth.ui.logview;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * The scrolling lines, drawn on one canvas. ListView's VirtualFlow walks a size cache of every
 * item on each layout and gives every row nodes, CSS and text layout; at a hundred thousand
 * lines arriving by the thousand per frame that stalls the FX thread. Here the position is the
 * top line's sequence (plus a visual row inside it when wrapping), and a frame costs the rows on
 * screen: laying them out on the monospaced grid and drawing them, nothing else. Dropping old
 * lines or filtering never moves what the user is reading.
 */
final class LineFlow extends Region {

    private final ShownLines lines;
    private final Supplier<LineStyle> style;
    private final Canvas canvas = new Canvas();
    private final ScrollBar vbar = new ScrollBar();
    private final ScrollBar hbar = new ScrollBar();
    private final Map<Long, LineLayout> layouts = new HashMap<>();
    private int layoutsVersion = -1;

    static final int STREAM_FPS = 30;
    private static final long STREAM_FRAME_NANOS = 1_000_000_000L / STREAM_FPS;
    private long lastDraw;
    private boolean redrawPending;
    private final AnimationTimer redrawLater = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (System.nanoTime() - lastDraw >= STREAM_FRAME_NANOS) {
                stop();
                redrawPending = false;
                requestLayout();
            }
        }
    };

    private boolean pinnedToEnd = true;
    private long topSequence;
    private int topRow;
    private double hOffset;
    private boolean adjustingBars;
    private double wheelRemainder;

    // What the last layout placed: shown index, first visual row drawn and y of each line on screen.
    private int placed;
    private int[] placedIndex = new int[64];
    private int[] placedFirstRow = new int[64];
    private int[] placedRows = new int[64];
    private double[] placedY = new double[64];
    private int topIndex;
    private boolean atEnd = true;
    private int columnsPerRow = 1;

    private long anchor = -1;
    private long caret = -1;

    /** Told when the user scrolls (true: the newest line is in view now). */
    private Consumer<Boolean> onUserScroll = atEndNow -> { };

    LineFlow(ShownLines lines, Supplier<LineStyle> style) {
        this.lines = lines;
        this.style = style;
        getStyleClass().add("log-flow");
        vbar.setOrientation(Orientation.VERTICAL);
        hbar.setOrientation(Orientation.HORIZONTAL);
        canvas.setManaged(false);
        vbar.setManaged(false);
        hbar.setManaged(false);
        getChildren().addAll(canvas, vbar, hbar);
        vbar.valueProperty().addListener((obs, was, now) -> {
            if (!adjustingBars) {
                userScrolledTo(now.doubleValue());
            }
        });
        hbar.valueProperty().addListener((obs, was, now) -> {
            if (!adjustingBars) {
                hOffset = now.doubleValue();
                requestLayout();
            }
        });
    }

    void setOnUserScroll(Consumer<Boolean> handler) {
        this.onUserScroll = handler;
    }

    // ---- scrolling ---------------------------------------------------------------------------

    /** Keeps the newest line at the bottom from now on (or stops doing so where it is). */
    void setPinnedToEnd(boolean value) {
        if (pinnedToEnd != value) {
            if (!value && lines.size() > 0) {
                topSequence = lines.sequenceAt(Math.min(topIndex, lines.size() - 1));
            }
            pinnedToEnd = value;
            requestLayout();
        }
    }

    /** Scrolls so the line at this shown index is in view, a third down the screen if it was not. */
    void reveal(int index) {
        if (index < 0 || index >= lines.size()) {
            return;
        }
        if (isFullyVisible(index)) {
            requestLayout();
            return;
        }
        int rows = Math.max(1, visibleRowCapacity());
        pinnedToEnd = false;
        topSequence = lines.sequenceAt(Math.max(0, index - rows / 3));
        topRow = 0;
        requestLayout();
    }

    /** Makes the line at this index visible with as little scrolling as possible (keyboard moves). */
    void ensureVisible(int index) {
        if (index < 0 || index >= lines.size() || isFullyVisible(index)) {
            return;
        }
        pinnedToEnd = false;
        if (index <= topIndex) {
            topSequence = lines.sequenceAt(index);
            topRow = 0;
        } else {
            int rows = Math.max(1, visibleRowCapacity());
            topSequence = lines.sequenceAt(Math.max(0, index - rows + 1));
            topRow = 0;
        }
        requestLayout();
    }

    private boolean isFullyVisible(int index) {
        double h = viewportHeight();
        for (int k = 0; k < placed; k++) {
            if (placedIndex[k] == index) {
                return placedFirstRow[k] == 0 && placedY[k] + placedRows[k] * lineHeight() <= h + 0.5;
            }
        }
        return false;
    }

    /** Scrolls by visual rows (negative: towards older lines). */
    void scrollRows(int delta) {
        int count = lines.size();
        if (count == 0 || delta == 0) {
            return;
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
        layoutChildren();
        onUserScroll.accept(atEnd);
    }

    /** A wheel or touchpad scroll of {@code pixels} (positive: towards newer lines). */
    void scrollPixels(double pixels) {
        double rows = pixels / lineHeight() + wheelRemainder;
        int whole = (int) rows;
        wheelRemainder = rows - whole;
        if (whole != 0) {
            scrollRows(whole);
        } else if (pixels < 0 && lines.size() > 0) {
            // A small scroll up still means "stop following".
            onUserScroll.accept(false);
        }
    }

    void scrollHorizontally(double delta) {
        hOffset = Math.max(0, hOffset + delta);
        requestLayout();
    }

    private void userScrolledTo(double value) {
        int count = lines.size();
        if (count == 0) {
            return;
        }
        int index = (int) Math.max(0, Math.min(count - 1, Math.floor(value)));
        pinnedToEnd = false;
        topSequence = lines.sequenceAt(index);
        topRow = 0;
        layoutChildren();
        onUserScroll.accept(atEnd);
    }

    boolean isAtEnd() {
        return atEnd;
    }

    int firstVisibleIndex() {
        return topIndex;
    }

    int visibleRows() {
        return placed;
    }

    double lineHeight() {
        return style.get().lineHeight;
    }

    private int visibleRowCapacity() {
        return (int) Math.floor(viewportHeight() / lineHeight());
    }

    private double viewportHeight() {
        return Math.max(1, getHeight() - snappedTopInset() - snappedBottomInset() - (hbar.isVisible() ? hbar.getHeight() : 0));
    }

    // ---- selection ---------------------------------------------------------------------------

    /** Selects the shown lines {@code from..to} (inclusive, any order). */
    void select(int from, int to) {
        if (lines.size() == 0) {
            clearSelection();
            return;
        }
        anchor = lines.sequenceAt(clampIndex(from));
        caret = lines.sequenceAt(clampIndex(to));
        requestLayout();
    }

    void extendSelectionTo(int index) {
        if (lines.size() == 0) {
            return;
        }
        long seq = lines.sequenceAt(clampIndex(index));
        if (anchor < 0) {
            anchor = seq;
        }
        caret = seq;
        requestLayout();
    }

    void clearSelection() {
        anchor = -1;
        caret = -1;
        requestLayout();
    }

    /** The caret's shown index, or -1 without a selection (or when it is no longer shown). */
    int caretIndex() {
        return caret < 0 ? -1 : lines.indexOfSequence(caret);
    }

    /** Shown index range {from, to} of the selection, or null. */
    int[] selectedRange() {
        if (anchor < 0) {
            return null;
        }
        long lo = Math.min(anchor, caret);
        long hi = Math.max(anchor, caret);
        int from = lines.indexAtOrAfter(lo);
        int to = lines.indexAtOrAfter(hi + 1) - 1;
        return from > to ? null : new int[] {from, to};
    }

    private boolean isSelected(long seq) {
        return anchor >= 0 && seq >= Math.min(anchor, caret) && seq <= Math.max(anchor, caret);
    }

    private int clampIndex(int index) {
        return Math.max(0, Math.min(lines.size() - 1, index));
    }

    /** Shown index of the line at this y (in this region), clamped to the lines on screen; -1 if none. */
    int indexAt(double y) {
        double inViewport = y - snappedTopInset();
        double h = lineHeight();
        for (int k = 0; k < placed; k++) {
            if (inViewport < placedY[k] + placedRows[k] * h) {
                return placedIndex[k];
            }
        }
        return placed == 0 ? -1 : placedIndex[placed - 1];
    }

    /** The y (in this region) of the middle of the line at this shown index, or NaN when off screen. */
    double centerOf(int index) {
        for (int k = 0; k < placed; k++) {
            if (placedIndex[k] == index) {
                return snappedTopInset() + placedY[k] + lineHeight() / 2;
            }
        }
        return Double.NaN;
    }

    // ---- layout and drawing --------------------------------------------------------------------

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
    void invalidateRows() {
        layouts.clear();
        requestLayout();
    }

    /**
     * The lines changed (added, dropped, filtered). While lines stream in, the canvas is redrawn at
     * most {@value #STREAM_FPS} times a second: nobody reads faster, and in software rendering each
     * full redraw costs the render thread (and the FX thread waits for it).
     */
    void linesChanged() {
        if (System.nanoTime() - lastDraw >= STREAM_FRAME_NANOS) {
            requestLayout();
        } else if (!redrawPending) {
            redrawPending = true;
            redrawLater.start();
        }
    }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double w = Math.max(1, getWidth() - left - snappedRightInset());
        double h = Math.max(1, getHeight() - top - snappedBottomInset());
        LineStyle s = style.get();
        int count = lines.size();
        double vbarWidth = vbar.prefWidth(-1);
        double hbarHeight = hbar.prefHeight(-1);
        boolean needV = count * s.lineHeight > h;
        boolean needH = false;
        double contentWidth = 0;
        double viewW = w;
        double viewH = h;
        for (int pass = 0; pass < 3; pass++) {
            viewW = Math.max(1, w - (needV ? vbarWidth : 0));
            viewH = Math.max(1, h - (needH ? hbarHeight : 0));
            contentWidth = place(count, s, viewW, viewH);
            boolean wantV = !(topIndex == 0 && topRow == 0 && atEnd);
            boolean wantH = !s.wrap && contentWidth > viewW + 0.5;
            if (wantV == needV && wantH == needH) {
                break;
            }
            needV = wantV;
            needH = wantH;
        }
        if (canvas.getWidth() != viewW || canvas.getHeight() != viewH) {
            canvas.setWidth(viewW);
            canvas.setHeight(viewH);
        }
        canvas.relocate(left, top);
        updateBars(left, top, viewW, viewH, needV, needH, contentWidth, vbarWidth, hbarHeight, count);
        draw(s, viewW, viewH);
    }

    /** Decides which lines go where; returns the content width (widest line on screen). */
    private double place(int count, LineStyle s, double viewW, double viewH) {
        columnsPerRow = Math.max(1, (int) Math.floor((viewW - LineStyle.PAD_LEFT - LineStyle.PAD_RIGHT) / s.advance));
        placed = 0;
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
            if (placed == placedIndex.length) {
                placedIndex = java.util.Arrays.copyOf(placedIndex, placed * 2);
                placedFirstRow = java.util.Arrays.copyOf(placedFirstRow, placed * 2);
                placedRows = java.util.Arrays.copyOf(placedRows, placed * 2);
                placedY = java.util.Arrays.copyOf(placedY, placed * 2);
            }
            placedIndex[placed] = index;
            placedFirstRow[placed] = index == topIndex ? topRow : 0;
            placedRows[placed] = rows;
            placedY[placed] = y;
            placed++;
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

    private void updateBars(double left, double top, double viewW, double viewH, boolean needV, boolean needH,
                            double contentWidth, double vbarWidth, double hbarHeight, int count) {
        adjustingBars = true;
        try {
            vbar.setVisible(needV);
            if (needV) {
                vbar.resizeRelocate(left + viewW, top, vbarWidth, viewH);
                double visible = Math.max(1, placed - 1);
                double max = Math.max(0, count - visible);
                vbar.setMin(0);
                vbar.setMax(max);
                vbar.setVisibleAmount(visible);
                vbar.setUnitIncrement(1);
                vbar.setBlockIncrement(visible);
                vbar.setValue(atEnd ? max : Math.min(max, topIndex));
            }
            hbar.setVisible(needH);
            if (needH) {
                hbar.resizeRelocate(left, top + viewH, viewW, hbarHeight);
                hbar.setMin(0);
                hbar.setMax(Math.max(0, contentWidth - viewW));
                hbar.setVisibleAmount(viewW);
                hbar.setUnitIncrement(style.get().advance * 4);
                hbar.setBlockIncrement(viewW * 0.8);
                hbar.setValue(hOffset);
            }
        } finally {
            adjustingBars = false;
        }
    }

    private void draw(LineStyle s, double viewW, double viewH) {
        lastDraw = System.nanoTime();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(s.palette.background());
        g.fillRect(0, 0, viewW, viewH);
        g.setTextBaseline(VPos.BASELINE);
        double lh = s.lineHeight;
        for (int k = 0; k < placed; k++) {
            int index = placedIndex[k];
            long seq = lines.sequenceAt(index);
            LineLayout layout = layoutOf(index);
            LogLine.Kind kind = lines.kindAt(index);
            double lineTop = placedY[k];
            int firstRow = placedFirstRow[k];
            int rows = placedRows[k];
            double lineBottom = Math.min(viewH, lineTop + (rows - firstRow) * lh);
            if (isSelected(seq)) {
                g.setFill(s.palette.selection());
                g.fillRect(0, lineTop, viewW, lineBottom - lineTop);
            } else if (kind == LogLine.Kind.NOTE) {
                g.setFill(s.palette.noteBackground());
                g.fillRect(0, lineTop, viewW, lineBottom - lineTop);
            }
            if (kind == LogLine.Kind.ERROR) {
                g.setFill(s.palette.errorMark());
                g.fillRect(0, lineTop, LineStyle.MARK_WIDTH, lineBottom - lineTop);
            }
            for (int r = firstRow; r < rows; r++) {
                double y = lineTop + (r - firstRow) * lh;
                if (y >= viewH) {
                    break;
                }
                int fromColumn = s.wrap ? r * columnsPerRow : 0;
                int toColumn = s.wrap ? fromColumn + columnsPerRow : Integer.MAX_VALUE;
                drawRow(g, s, layout, y, fromColumn, toColumn, viewW);
            }
        }
    }

    private void drawRow(GraphicsContext g, LineStyle s, LineLayout layout, double y, int fromColumn, int toColumn,
                         double viewW) {
        double x0 = LineStyle.PAD_LEFT - hOffset - fromColumn * s.advance;
        int from = layout.charAtColumn(fromColumn);
        int to = toColumn == Integer.MAX_VALUE ? layout.chars.length() : layout.charAtColumn(toColumn);
        // Skip what is scrolled off to the left or right.
        int firstVisibleColumn = Math.max(fromColumn, (int) Math.floor((hOffset - LineStyle.PAD_LEFT) / s.advance) - 1);
        int lastVisibleColumn = (int) Math.ceil((viewW + hOffset) / s.advance) + 1;
        from = Math.max(from, layout.charAtColumn(firstVisibleColumn));
        to = Math.min(to, layout.charAtColumn(Math.min(lastVisibleColumn, toColumn)));
        if (from >= to) {
            return;
        }
        for (int b = 0; b < layout.backgroundCount; b++) {
            int start = Math.max(from, layout.backgroundStart[b]);
            int end = Math.min(to, layout.backgroundEnd[b]);
            if (start < end) {
                g.setFill(layout.backgroundFill[b]);
                double x = x0 + layout.columns[start] * s.advance;
                g.fillRect(x, y, (layout.columns[end] - layout.columns[start]) * s.advance, s.lineHeight);
            }
        }
        double baseline = y + s.baseline;
        for (int run = 0; run < layout.runCount; run++) {
            int start = Math.max(from, layout.runStart[run]);
            int end = Math.min(to, layout.runEnd(run));
            if (start >= end) {
                continue;
            }
            Color fill = layout.runFill[run];
            Font font = layout.runFont[run];
            g.setFill(fill);
            g.setFont(font);
            double x = x0 + layout.columns[start] * s.advance;
            if (layout.isNarrow(start, end)) {
                g.fillText(layout.chars.substring(start, end), x, baseline);
            } else {
                // Wide or zero-width characters: place each on its own column.
                for (int i = start; i < end; i++) {
                    int cp = layout.chars.charAt(i);
                    int len = Character.isHighSurrogate((char) cp) && i + 1 < end ? 2 : 1;
                    g.fillText(layout.chars.substring(i, i + len), x0 + layout.columns[i] * s.advance, baseline);
                    i += len - 1;
                }
            }
            double width = (layout.columns[end] - layout.columns[start]) * s.advance;
            if (layout.runUnderline[run]) {
                g.fillRect(x, baseline + 1.5, width, 1);
            }
            if (layout.runStrike[run]) {
                g.fillRect(x, baseline - s.baseline * 0.3, width, 1);
            }
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 400;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 300;
    }
}
