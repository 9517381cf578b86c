package dev.berth.ui.logview;

import java.util.function.IntFunction;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Draws the lines a {@link LineFlow} placed onto its canvas: row backgrounds (selection, notes),
 * the error mark, ANSI and search backgrounds, then the text runs on the character grid with
 * their underline and strike-through.
 */
final class LinePainter {

    /** Where the flow put each line on screen. */
    static final class Placement {
        int count;
        int[] index = new int[64];
        int[] firstRow = new int[64];
        int[] rows = new int[64];
        double[] y = new double[64];

        void clear() {
            count = 0;
        }

        void add(int lineIndex, int first, int rowCount, double top) {
            if (count == index.length) {
                index = java.util.Arrays.copyOf(index, count * 2);
                firstRow = java.util.Arrays.copyOf(firstRow, count * 2);
                rows = java.util.Arrays.copyOf(rows, count * 2);
                y = java.util.Arrays.copyOf(y, count * 2);
            }
            index[count] = lineIndex;
            firstRow[count] = first;
            rows[count] = rowCount;
            y[count] = top;
            count++;
        }
    }

    private LinePainter() {
    }

    static void paint(GraphicsContext g, LineStyle s, ShownLines lines, IntFunction<LineLayout> layoutOf,
                      Placement placed, LineSelection selection, int columnsPerRow, double hOffset, double viewW,
                      double viewH) {
        g.setFill(s.palette.background());
        g.fillRect(0, 0, viewW, viewH);
        g.setTextBaseline(VPos.BASELINE);
        double lh = s.lineHeight;
        for (int k = 0; k < placed.count; k++) {
            int index = placed.index[k];
            LineLayout layout = layoutOf.apply(index);
            LogLine.Kind kind = lines.kindAt(index);
            double lineTop = placed.y[k];
            int firstRow = placed.firstRow[k];
            int rows = placed.rows[k];
            double lineBottom = Math.min(viewH, lineTop + (rows - firstRow) * lh);
            if (selection.contains(lines.sequenceAt(index))) {
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
                paintRow(g, s, layout, y, fromColumn, toColumn, hOffset, viewW);
            }
        }
    }

    private static void paintRow(GraphicsContext g, LineStyle s, LineLayout layout, double y, int fromColumn,
                                 int toColumn, double hOffset, double viewW) {
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
                g.fillRect(x0 + layout.columns[start] * s.advance, y,
                        (layout.columns[end] - layout.columns[start]) * s.advance, s.lineHeight);
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
            g.setFill(fill);
            g.setFont(layout.runFont[run]);
            double x = x0 + layout.columns[start] * s.advance;
            if (layout.isNarrow(start, end)) {
                g.fillText(layout.chars.substring(start, end), x, baseline);
            } else {
                // Wide or zero-width characters: each goes to its own column.
                for (int i = start; i < end; i++) {
                    int len = Character.isHighSurrogate(layout.chars.charAt(i)) && i + 1 < end ? 2 : 1;
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
}
