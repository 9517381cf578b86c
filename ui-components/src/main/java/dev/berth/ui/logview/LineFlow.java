package dev.berth.ui.logview;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.Region;

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
    static final int FLOOD_FPS = 10;
    private static final long FLOOD_FRAME_NANOS = 1_000_000_000L / FLOOD_FPS;
    private static final int FLOOD_LINES = 200;
    private int linesSinceDraw;
    private long lastDraw;
    private boolean redrawPending;
    private final AnimationTimer redrawLater = new AnimationTimer() {
        @Override
        public void handle(long now) {
            long interval = linesSinceDraw > FLOOD_LINES ? FLOOD_FRAME_NANOS : STREAM_FRAME_NANOS;
            if (System.nanoTime() - lastDraw >= interval) {
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

    /** What the last layout placed: shown index, first visual row drawn and y of each line on screen. */
    private final LinePainter.Placement placed = new LinePainter.Placement();
    private int topIndex;
    private boolean atEnd = true;
    private int columnsPerRow = 1;

    private final LineSelection selection;

    /** Told when the user scrolls (true: the newest line is in view now). */
    private Consumer<Boolean> onUserScroll = atEndNow -> { };

    LineFlow(ShownLines lines, Supplier<LineStyle> style) {
        this.lines = lines;
        this.style = style;
        this.selection = new LineSelection(lines, this::requestLayout);
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
        for (int k = 0; k < placed.count; k++) {
            if (placed.index[k] == index) {
                return placed.firstRow[k] == 0 && placed.y[k] + placed.rows[k] * lineHeight() <= h + 0.5;
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
        return placed.count;
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

    // ---- selection ------------------------------------------------------------------------------

    LineSelection selection() {
        return selection;
    }

    /** Shown index of the line at this y (in this region), clamped to the lines on screen; -1 if none. */
    int indexAt(double y) {
        double inViewport = y - snappedTopInset();
        double h = lineHeight();
        for (int k = 0; k < placed.count; k++) {
            if (inViewport < placed.y[k] + placed.rows[k] * h) {
                return placed.index[k];
            }
        }
        return placed.count == 0 ? -1 : placed.index[placed.count - 1];
    }

    /** The y (in this region) of the middle of the line at this shown index, or NaN when off screen. */
    double centerOf(int index) {
        for (int k = 0; k < placed.count; k++) {
            if (placed.index[k] == index) {
                return snappedTopInset() + placed.y[k] + lineHeight() / 2;
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
     * Lines were added (or dropped, or filtered). While lines stream in, the canvas is redrawn at
     * most {@value #STREAM_FPS} times a second, and {@value #FLOOD_FPS} times during a flood: nobody
     * reads faster, and in software rendering each full redraw costs the render thread (and the FX
     * thread waits for it).
     */
    void linesChanged(int added) {
        linesSinceDraw += added;
        // A flood (more than a screenful a frame) is unreadable anyway: redraw it less often.
        long interval = linesSinceDraw > FLOOD_LINES ? FLOOD_FRAME_NANOS : STREAM_FRAME_NANOS;
        if (System.nanoTime() - lastDraw >= interval) {
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

    private void updateBars(double left, double top, double viewW, double viewH, boolean needV, boolean needH,
                            double contentWidth, double vbarWidth, double hbarHeight, int count) {
        adjustingBars = true;
        try {
            vbar.setVisible(needV);
            if (needV) {
                vbar.resizeRelocate(left + viewW, top, vbarWidth, viewH);
                double visible = Math.max(1, placed.count - 1);
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
        linesSinceDraw = 0;
        LinePainter.paint(canvas.getGraphicsContext2D(), s, lines, this::layoutOf, placed, selection, columnsPerRow,
                hOffset, viewW, viewH);
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
