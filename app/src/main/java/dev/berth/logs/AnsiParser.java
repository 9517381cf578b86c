package dev.berth.logs;

import java.util.Arrays;

/**
 * Turns a line with ANSI escape sequences into its visible text and style runs. SGR sequences
 * ({@code ESC[...m}: bold, underline, 16/256/24-bit colours, ...) become styles; every other escape
 * sequence (cursor moves, erase, OSC titles and hyperlinks, ...) and every control character but
 * tab is dropped, so nothing is ever shown as garbage. A malformed sequence is dropped up to the
 * character that broke it, and that character is kept.
 *
 * <p>Like a terminal, the style carries over from one line to the next until reset; use one
 * parser per output stream.
 */
public final class AnsiParser {

    private static final char ESC = 0x1b;
    private static final char BEL = 0x07;
    private static final char C1_CSI = 0x9b;
    private static final char C1_ST = 0x9c;
    private static final int MAX_PARAMS = 32;

    private long style = SgrStyle.PLAIN;

    // Reused between lines: a styled line costs only its result arrays.
    private final StringBuilder out = new StringBuilder(128);
    private int[] starts = new int[8];
    private long[] styles = new long[8];
    private int runs;
    private final int[] params = new int[MAX_PARAMS];
    private final boolean[] colon = new boolean[MAX_PARAMS];

    /** The style in effect after the last line parsed. */
    public long style() {
        return style;
    }

    public void reset() {
        style = SgrStyle.PLAIN;
    }

    public StyledText parse(String line) {
        if (style == SgrStyle.PLAIN && isPlain(line)) {
            return StyledText.plain(line);
        }
        out.setLength(0);
        runs = 0;
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (c == ESC) {
                i = escape(line, i + 1);
            } else if (c == C1_CSI) {
                i = csi(line, i + 1);
            } else if (isControl(c)) {
                i++;
            } else {
                if (runs == 0 || styles[runs - 1] != style) {
                    addRun(out.length(), style);
                }
                out.append(c);
                i++;
            }
        }
        String text = out.toString();
        if (runs == 0 || (runs == 1 && styles[0] == SgrStyle.PLAIN)) {
            return StyledText.plain(text);
        }
        return new StyledText(text, Arrays.copyOf(starts, runs), Arrays.copyOf(styles, runs));
    }

    /**
     * {@link #parse} for a line known to hold only printable ASCII (no escape sequence, no control
     * character): plain text, unless an earlier line left a style on.
     */
    public StyledText parsePrintable(String line) {
        return style == SgrStyle.PLAIN ? StyledText.plain(line) : parse(line);
    }

    private static boolean isPlain(String line) {
        for (int i = 0, n = line.length(); i < n; i++) {
            if (isControl(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** C0 controls but tab, DEL and C1 controls (ESC and CSI included). */
    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f);
    }

    private void addRun(int start, long runStyle) {
        if (runs > 0 && starts[runs - 1] == start) {
            styles[runs - 1] = runStyle;
            return;
        }
        if (runs == starts.length) {
            starts = Arrays.copyOf(starts, runs * 2);
            styles = Arrays.copyOf(styles, runs * 2);
        }
        starts[runs] = start;
        styles[runs] = runStyle;
        runs++;
    }

    /** {@code i} points after an ESC; returns where ordinary text resumes. */
    private int escape(String s, int i) {
        int n = s.length();
        if (i >= n) {
            return n;
        }
        char c = s.charAt(i);
        if (c == '[') {
            return csi(s, i + 1);
        }
        if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_') {
            return skipString(s, i + 1, c == ']');
        }
        if (c >= 0x20 && c <= 0x2f) {
            // nF sequence such as ESC ( B: intermediates, then one final byte.
            int j = i;
            while (j < n && s.charAt(j) >= 0x20 && s.charAt(j) <= 0x2f) {
                j++;
            }
            if (j < n && s.charAt(j) >= 0x30 && s.charAt(j) <= 0x7e) {
                return j + 1;
            }
            return j;
        }
        if (c >= 0x30 && c <= 0x7e) {
            return i + 1;
        }
        // ESC followed by something that cannot continue it: drop the ESC alone.
        return i;
    }

    /** Skips an OSC/DCS/SOS/PM/APC string up to its terminator (BEL for OSC, or ST). */
    private static int skipString(String s, int i, boolean belEnds) {
        int n = s.length();
        for (int j = i; j < n; j++) {
            char c = s.charAt(j);
            if ((belEnds && c == BEL) || c == C1_ST) {
                return j + 1;
            }
            if (c == ESC && j + 1 < n && s.charAt(j + 1) == '\\') {
                return j + 2;
            }
        }
        return n;
    }

    /** {@code i} points after "ESC[" (or C1 CSI). */
    private int csi(String s, int i) {
        int n = s.length();
        int j = i;
        while (j < n && s.charAt(j) >= 0x30 && s.charAt(j) <= 0x3f) {
            j++;
        }
        int paramsEnd = j;
        while (j < n && s.charAt(j) >= 0x20 && s.charAt(j) <= 0x2f) {
            j++;
        }
        if (j >= n) {
            return n;
        }
        char fin = s.charAt(j);
        if (fin < 0x40 || fin > 0x7e) {
            // Broken sequence: drop what was read, keep the character that broke it.
            return j;
        }
        if (fin == 'm' && paramsEnd == j && (paramsEnd == i || isSgrParamStart(s.charAt(i)))) {
            sgr(s, i, paramsEnd);
        }
        return j + 1;
    }

    private static boolean isSgrParamStart(char c) {
        return (c >= '0' && c <= '9') || c == ';' || c == ':';
    }

    /** Applies the SGR parameters in {@code s[from, to)}. */
    private void sgr(String s, int from, int to) {
        int count = 0;
        int value = -1;
        boolean nextIsSub = false;
        for (int j = from; j <= to && count < MAX_PARAMS; j++) {
            char c = j < to ? s.charAt(j) : ';';
            if (c >= '0' && c <= '9') {
                value = value < 0 ? c - '0' : Math.min(value * 10 + (c - '0'), 1_000_000);
            } else if (c == ';' || c == ':') {
                params[count] = value;
                colon[count] = nextIsSub;
                count++;
                value = -1;
                nextIsSub = c == ':';
            } else {
                return; // '<', '=', '>' or '?' inside: not an SGR we understand
            }
        }
        int k = 0;
        while (k < count) {
            int p = Math.max(params[k], 0);
            int groupEnd = k + 1;
            while (groupEnd < count && colon[groupEnd]) {
                groupEnd++;
            }
            boolean hasSubs = groupEnd > k + 1;
            switch (p) {
                case 0 -> style = SgrStyle.PLAIN;
                case 1 -> style |= SgrStyle.BOLD;
                case 2 -> style |= SgrStyle.DIM;
                case 3 -> style |= SgrStyle.ITALIC;
                case 4 -> style = hasSubs && params[k + 1] == 0 ? style & ~SgrStyle.UNDERLINE : style | SgrStyle.UNDERLINE;
                case 7 -> style |= SgrStyle.INVERSE;
                case 8 -> style |= SgrStyle.HIDDEN;
                case 9 -> style |= SgrStyle.STRIKETHROUGH;
                case 21 -> style |= SgrStyle.UNDERLINE;
                case 22 -> style &= ~(SgrStyle.BOLD | SgrStyle.DIM);
                case 23 -> style &= ~SgrStyle.ITALIC;
                case 24 -> style &= ~SgrStyle.UNDERLINE;
                case 27 -> style &= ~SgrStyle.INVERSE;
                case 28 -> style &= ~SgrStyle.HIDDEN;
                case 29 -> style &= ~SgrStyle.STRIKETHROUGH;
                case 39 -> style = SgrStyle.withForeground(style, SgrStyle.DEFAULT_COLOR);
                case 49 -> style = SgrStyle.withBackground(style, SgrStyle.DEFAULT_COLOR);
                case 38, 48, 58 -> {
                    int[] color = new int[1];
                    int consumed = hasSubs ? extendedFromSubs(k, groupEnd, color) : extendedFromParams(k, count, color);
                    if (color[0] >= 0 && p == 38) {
                        style = SgrStyle.withForeground(style, color[0]);
                    } else if (color[0] >= 0 && p == 48) {
                        style = SgrStyle.withBackground(style, color[0]);
                    }
                    // 58 (underline colour) is read so its numbers are not taken as attributes.
                    if (!hasSubs) {
                        groupEnd = k + 1 + consumed;
                    }
                }
                default -> {
                    if (p >= 30 && p <= 37) {
                        style = SgrStyle.withForeground(style, SgrStyle.indexed(p - 30));
                    } else if (p >= 40 && p <= 47) {
                        style = SgrStyle.withBackground(style, SgrStyle.indexed(p - 40));
                    } else if (p >= 90 && p <= 97) {
                        style = SgrStyle.withForeground(style, SgrStyle.indexed(p - 90 + 8));
                    } else if (p >= 100 && p <= 107) {
                        style = SgrStyle.withBackground(style, SgrStyle.indexed(p - 100 + 8));
                    }
                    // Anything else (blink, overline, fonts, ...) changes nothing we draw.
                }
            }
            k = groupEnd;
        }
    }

    /** "38;5;n" or "38;2;r;g;b": returns how many parameters after the 38 were used. */
    private int extendedFromParams(int k, int count, int[] color) {
        color[0] = -1;
        if (k + 1 >= count) {
            return 0;
        }
        int mode = params[k + 1];
        if (mode == 5) {
            if (k + 2 < count && inByte(params[k + 2])) {
                color[0] = SgrStyle.indexed(params[k + 2]);
            }
            return Math.min(2, count - k - 1);
        }
        if (mode == 2) {
            if (k + 4 < count && inByte(params[k + 2]) && inByte(params[k + 3]) && inByte(params[k + 4])) {
                color[0] = SgrStyle.rgb(params[k + 2], params[k + 3], params[k + 4]);
            }
            return Math.min(4, count - k - 1);
        }
        return 1;
    }

    /** "38:5:n", "38:2:r:g:b" or "38:2:colorspace:r:g:b"; the whole colon group is used. */
    private int extendedFromSubs(int k, int groupEnd, int[] color) {
        color[0] = -1;
        int subs = groupEnd - k - 1;
        int mode = params[k + 1];
        if (mode == 5 && subs >= 2 && inByte(params[k + 2])) {
            color[0] = SgrStyle.indexed(params[k + 2]);
        } else if (mode == 2 && subs >= 4) {
            int first = subs >= 5 ? k + 3 : k + 2;
            if (inByte(params[first]) && inByte(params[first + 1]) && inByte(params[first + 2])) {
                color[0] = SgrStyle.rgb(params[first], params[first + 1], params[first + 2]);
            }
        }
        return subs;
    }

    private static boolean inByte(int v) {
        return v >= 0 && v <= 255;
    }
}
