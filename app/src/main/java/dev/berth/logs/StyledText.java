package dev.berth.logs;

import java.util.Arrays;
import java.util.Objects;

/**
 * A line's visible text with its ANSI styles as runs: run {@code i} starts at {@code
 * runStarts[i]}, ends where the next run starts (or at the end) and has style {@code
 * runStyles[i]} (see {@link SgrStyle}). A line without styling has no run arrays at all.
 */
public final class StyledText {

    private static final int[] NO_STARTS = new int[0];
    private static final long[] NO_STYLES = new long[0];

    private final String text;
    private final int[] runStarts;
    private final long[] runStyles;

    StyledText(String text, int[] runStarts, long[] runStyles) {
        this.text = text;
        this.runStarts = runStarts == null ? NO_STARTS : runStarts;
        this.runStyles = runStyles == null ? NO_STYLES : runStyles;
    }

    public static StyledText plain(String text) {
        return new StyledText(text, null, null);
    }

    public String text() {
        return text;
    }

    public boolean isPlain() {
        return runStarts.length == 0;
    }

    public int runCount() {
        return runStarts.length;
    }

    public int runStart(int run) {
        return runStarts[run];
    }

    public int runEnd(int run) {
        return run + 1 < runStarts.length ? runStarts[run + 1] : text.length();
    }

    public long runStyle(int run) {
        return runStyles[run];
    }

    /** The style of the character at {@code index} ({@link SgrStyle#PLAIN} for a plain line). */
    public long styleAt(int index) {
        long style = SgrStyle.PLAIN;
        for (int i = 0; i < runStarts.length && runStarts[i] <= index; i++) {
            style = runStyles[i];
        }
        return style;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StyledText other && text.equals(other.text) && Arrays.equals(runStarts, other.runStarts)
                && Arrays.equals(runStyles, other.runStyles);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, Arrays.hashCode(runStarts), Arrays.hashCode(runStyles));
    }

    @Override
    public String toString() {
        return isPlain() ? text : text + " " + Arrays.toString(runStarts);
    }
}
