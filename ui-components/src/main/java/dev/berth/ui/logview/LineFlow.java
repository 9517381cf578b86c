package dev.berth.ui.logview;

import java.util.function.Consumer;
import java.util.function.Supplier;
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
 *
 * <p>{@link LineViewport} decides which lines go where, {@link RedrawPacer} how often to draw
 * while lines stream in; this region holds the canvas and scroll bars and turns input into moves.
 */
final class LineFlow extends Region {

    private final ShownLines lines;
    private final Supplier<LineStyle> style;
    private final Canvas canvas = new Canvas();
    private final ScrollBar vbar = new ScrollBar();
    private final ScrollBar hbar = new ScrollBar();
    private final LineViewport viewport;
    private final RedrawPacer pacer = new RedrawPacer(this::requestLayout);

    private boolean adjustingBars;
    private double wheelRemainder;

    private final LineSelection selection;

    /** Told when the user scrolls (true: the newest line is in view now). */
    private Consumer<Boolean> onUserScroll = atEndNow -> { };

    LineFlow(ShownLines lines, Supplier<LineStyle> style) {
        this.lines = lines;
        this.style = style;
        this.viewport = new LineViewport(lines, style);
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
                viewport.setHorizontalOffset(now.doubleValue());
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
        if (viewport.setPinnedToEnd(value)) {
            requestLayout();
        }
    }

    /** Scrolls so the line at this shown index is in view, a third down the screen if it was not. */
    void reveal(int index) {
        if (viewport.reveal(index, viewportHeight())) {
            requestLayout();
        }
    }

    /** Makes the line at this index visible with as little scrolling as possible (keyboard moves). */
    void ensureVisible(int index) {
        if (viewport.ensureVisible(index, viewportHeight())) {
            requestLayout();
        }
    }

    /** Scrolls by visual rows (negative: towards older lines). */
    void scrollRows(int delta) {
        if (viewport.scrollRows(delta)) {
            layoutChildren();
            onUserScroll.accept(viewport.isAtEnd());
        }
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
        viewport.scrollHorizontally(delta);
        requestLayout();
    }

    private void userScrolledTo(double value) {
        if (viewport.scrollTo(value)) {
            layoutChildren();
            onUserScroll.accept(viewport.isAtEnd());
        }
    }

    boolean isAtEnd() {
        return viewport.isAtEnd();
    }

    int firstVisibleIndex() {
        return viewport.firstVisibleIndex();
    }

    int visibleRows() {
        return viewport.visibleRows();
    }

    double lineHeight() {
        return style.get().lineHeight;
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
        return viewport.indexAt(y - snappedTopInset());
    }

    /** The y (in this region) of the middle of the line at this shown index, or NaN when off screen. */
    double centerOf(int index) {
        return snappedTopInset() + viewport.topOf(index) + lineHeight() / 2;
    }

    // ---- layout and drawing --------------------------------------------------------------------

    /** Forgets how lines looked (the search, palette or font changed). */
    void invalidateRows() {
        viewport.forgetLayouts();
        requestLayout();
    }

    /** Lines were added (or dropped, or filtered); the pacer decides when to redraw. */
    void linesChanged(int added) {
        pacer.linesChanged(added);
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
            contentWidth = viewport.place(count, s, viewW, viewH);
            boolean wantV = !viewport.showsEverything();
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

    private void updateBars(double left, double top, double viewW, double viewH, boolean needV, boolean needH,
                            double contentWidth, double vbarWidth, double hbarHeight, int count) {
        adjustingBars = true;
        try {
            vbar.setVisible(needV);
            if (needV) {
                vbar.resizeRelocate(left + viewW, top, vbarWidth, viewH);
                double visible = Math.max(1, viewport.visibleRows() - 1);
                double max = Math.max(0, count - visible);
                vbar.setMin(0);
                vbar.setMax(max);
                vbar.setVisibleAmount(visible);
                vbar.setUnitIncrement(1);
                vbar.setBlockIncrement(visible);
                vbar.setValue(viewport.isAtEnd() ? max : Math.min(max, viewport.firstVisibleIndex()));
            }
            hbar.setVisible(needH);
            if (needH) {
                hbar.resizeRelocate(left, top + viewH, viewW, hbarHeight);
                hbar.setMin(0);
                hbar.setMax(Math.max(0, contentWidth - viewW));
                hbar.setVisibleAmount(viewW);
                hbar.setUnitIncrement(style.get().advance * 4);
                hbar.setBlockIncrement(viewW * 0.8);
                hbar.setValue(viewport.horizontalOffset());
            }
        } finally {
            adjustingBars = false;
        }
    }

    private void draw(LineStyle s, double viewW, double viewH) {
        pacer.drawing();
        viewport.paint(canvas.getGraphicsContext2D(), s, selection, viewW, viewH);
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
