package dev.berth.ui.logview;

import java.util.Arrays;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * What one line looks like on the character grid: the characters drawn (timestamp, source
 * prefix, text, truncation marker; tabs expanded), the column each starts at (wide East Asian
 * characters take two, combining marks none), runs of equal style, and background ranges (ANSI
 * backgrounds, then search matches on top). Built off the node graph, so it is cheap and testable.
 */
final class LineLayout {

    static final int TAB = 8;

    final String chars;
    /** Column of each character; {@code columns[length]} is the line's width in columns. */
    final int[] columns;
    int runCount;
    int[] runStart = new int[4];
    Color[] runFill = new Color[4];
    Font[] runFont = new Font[4];
    boolean[] runUnderline = new boolean[4];
    boolean[] runStrike = new boolean[4];
    int backgroundCount;
    int[] backgroundStart = new int[4];
    int[] backgroundEnd = new int[4];
    Color[] backgroundFill = new Color[4];

    private LineLayout(String chars, int[] columns) {
        this.chars = chars;
        this.columns = columns;
    }

    int width() {
        return columns[chars.length()];
    }

    /** Visual rows the line takes when wrapped at {@code columnsPerRow}. */
    int rows(int columnsPerRow) {
        return Math.max(1, (width() + columnsPerRow - 1) / Math.max(1, columnsPerRow));
    }

    /** Index of the first character at or after column {@code column}. */
    int charAtColumn(int column) {
        int i = Arrays.binarySearch(columns, 0, chars.length() + 1, column);
        if (i < 0) {
            i = -i - 1;
        } else {
            while (i > 0 && columns[i - 1] == column) {
                i--;
            }
        }
        return Math.min(i, chars.length());
    }

    int runEnd(int run) {
        return run + 1 < runCount ? runStart[run + 1] : chars.length();
    }

    static LineLayout of(LogLine line, LineStyle style) {
        Builder b = new Builder();
        TerminalPalette p = style.palette;
        if (style.showTimestamps && line.hasTime()) {
            b.add(LineFormat.time(line), p.muted(), style.regular, false, false);
        }
        if (line.source() != null) {
            b.add(LineFormat.source(line, style.sourceWidth), p.source(line.source()), style.bold, false, false);
        }
        int textStart = b.length();
        String text = line.text();
        int limit = Math.min(text.length(), style.maxLineLength);
        int[] textIndex = null;
        if (line.kind() == LogLine.Kind.NOTE) {
            b.add("\u2014 " + text + " \u2014", p.note(), style.italic, false, false);
        } else {
            textIndex = b.markText(limit);
            if (line.spanCount() == 0 || line.spanStart(0) > 0) {
                int end = line.spanCount() == 0 ? limit : Math.min(line.spanStart(0), limit);
                b.addText(text, 0, end, p.foreground(), style.regular, false, false);
            }
            for (int i = 0; i < line.spanCount(); i++) {
                int start = line.spanStart(i);
                int end = Math.min(line.spanEnd(i), limit);
                if (start >= limit) {
                    break;
                }
                if (end <= start) {
                    continue;
                }
                SpanStyle s = line.spanStyle(i);
                Color fg = style.foreground(s);
                int from = b.length();
                b.addText(text, start, end, fg == null ? Color.TRANSPARENT : fg, style.font(s.bold(), s.italic()),
                        s.underline(), s.strikethrough());
                Color bg = style.background(s);
                if (bg != null) {
                    b.background(from, b.length(), bg);
                }
            }
        }
        String marker = LineFormat.truncationMarker(line, limit);
        if (!marker.isEmpty()) {
            b.add(marker, p.muted(), style.italic, false, false);
        }
        if (textIndex != null && style.search.isActive()) {
            int[] found = style.search.ranges(text, limit);
            for (int k = 0; k < found.length; k += 2) {
                boolean current = line.sequence == style.currentSequence && k / 2 == style.currentOccurrence;
                b.background(textStart + textIndex[found[k]], textStart + textIndex[found[k + 1]],
                        current ? p.currentMatch() : p.match());
            }
        }
        return b.build();
    }

    /** Assembles the characters (expanding tabs) and their styles. */
    private static final class Builder {
        private final StringBuilder chars = new StringBuilder(128);
        private int[] columns = new int[129];
        private int column;
        private final LineLayout out = new LineLayout(null, null);
        /** For the line's own text: index in {@link #chars} of each text character (tabs grow). */
        private int[] textIndex;
        private int textBase;

        int length() {
            return chars.length();
        }

        int[] markText(int length) {
            textIndex = new int[length + 1];
            textBase = chars.length();
            return textIndex;
        }

        void add(String s, Color fill, Font font, boolean underline, boolean strike) {
            run(fill, font, underline, strike);
            for (int i = 0; i < s.length(); i++) {
                append(s.charAt(i));
            }
        }

        void addText(String s, int from, int to, Color fill, Font font, boolean underline, boolean strike) {
            run(fill, font, underline, strike);
            for (int i = from; i < to; i++) {
                textIndex[i] = chars.length() - textBase;
                append(s.charAt(i));
            }
            textIndex[to] = chars.length() - textBase;
        }

        private void append(char c) {
            if (c == '\t') {
                int spaces = TAB - column % TAB;
                for (int k = 0; k < spaces; k++) {
                    put(' ', 1);
                }
                return;
            }
            put(c, width(c));
        }

        private void put(char c, int width) {
            int i = chars.length();
            if (i + 1 >= columns.length) {
                columns = Arrays.copyOf(columns, columns.length * 2);
            }
            chars.append(c);
            columns[i] = column;
            column += width;
            columns[i + 1] = column;
        }

        private void run(Color fill, Font font, boolean underline, boolean strike) {
            LineLayout l = out;
            int start = chars.length();
            if (l.runCount > 0 && l.runStart[l.runCount - 1] == start) {
                l.runCount--;
            }
            if (l.runCount == l.runStart.length) {
                int n = l.runCount * 2;
                l.runStart = Arrays.copyOf(l.runStart, n);
                l.runFill = Arrays.copyOf(l.runFill, n);
                l.runFont = Arrays.copyOf(l.runFont, n);
                l.runUnderline = Arrays.copyOf(l.runUnderline, n);
                l.runStrike = Arrays.copyOf(l.runStrike, n);
            }
            l.runStart[l.runCount] = start;
            l.runFill[l.runCount] = fill;
            l.runFont[l.runCount] = font;
            l.runUnderline[l.runCount] = underline;
            l.runStrike[l.runCount] = strike;
            l.runCount++;
        }

        void background(int from, int to, Color fill) {
            if (to <= from) {
                return;
            }
            LineLayout l = out;
            if (l.backgroundCount == l.backgroundStart.length) {
                int n = l.backgroundCount * 2;
                l.backgroundStart = Arrays.copyOf(l.backgroundStart, n);
                l.backgroundEnd = Arrays.copyOf(l.backgroundEnd, n);
                l.backgroundFill = Arrays.copyOf(l.backgroundFill, n);
            }
            l.backgroundStart[l.backgroundCount] = from;
            l.backgroundEnd[l.backgroundCount] = to;
            l.backgroundFill[l.backgroundCount] = fill;
            l.backgroundCount++;
        }

        LineLayout build() {
            if (chars.length() == 0) {
                columns[0] = 0;
            }
            LineLayout l = new LineLayout(chars.toString(), Arrays.copyOf(columns, chars.length() + 1));
            l.runCount = out.runCount;
            l.runStart = out.runStart;
            l.runFill = out.runFill;
            l.runFont = out.runFont;
            l.runUnderline = out.runUnderline;
            l.runStrike = out.runStrike;
            l.backgroundCount = out.backgroundCount;
            l.backgroundStart = out.backgroundStart;
            l.backgroundEnd = out.backgroundEnd;
            l.backgroundFill = out.backgroundFill;
            return l;
        }
    }

    /** Columns a character takes: 2 for wide East Asian characters, 0 for combining marks. */
    static int width(char c) {
        if (c < 0x300) {
            return 1;
        }
        if ((c >= 0x300 && c <= 0x36f) || (c >= 0x200b && c <= 0x200f) || Character.isLowSurrogate(c)) {
            return 0;
        }
        if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3)
                || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60)
                || (c >= 0xffe0 && c <= 0xffe6) || Character.isHighSurrogate(c)) {
            return 2;
        }
        return 1;
    }

    /** True when every character of {@code s[from, to)} is one column: the font's own spacing matches the grid. */
    boolean isNarrow(int from, int to) {
        for (int i = from; i < to; i++) {
            if (columns[i + 1] - columns[i] != 1) {
                return false;
            }
        }
        return true;
    }
}
