package dev.berth.ui.logview;

import java.util.Arrays;
import java.util.Objects;

/**
 * One line of a {@link LogView}: its text, optional styled runs, what kind of line it is, and
 * optionally its source and time. Immutable and cheap: a plain line is one small object around
 * its string.
 *
 * <pre>{@code
 * LogLine plain = LogLine.of("server started");
 * LogLine red = LogLine.builder("error: disk full").error()
 *         .style(0, 5, SpanStyle.foreground(TermColor.indexed(1))).build();
 * LogLine note = LogLine.note("container exited with code 1", System.currentTimeMillis() * 1_000_000);
 * }</pre>
 */
public final class LogLine {

    /** Ordinary output, error output (marked in the view), or a note about the log itself. */
    public enum Kind { OUTPUT, ERROR, NOTE }

    /** Time value of a line without a time. */
    public static final long NO_TIME = Long.MIN_VALUE;

    private static final int[] NO_STARTS = new int[0];
    private static final SpanStyle[] NO_STYLES = new SpanStyle[0];

    private final String text;
    private final int[] spanStarts;
    private final SpanStyle[] spanStyles;
    private final Kind kind;
    private final LogSource source;
    private final long timeNanos;
    private final long omittedChars;
    /** Arrival order in the view that holds it; -1 for a line not yet taken in. */
    final long sequence;

    private LogLine(Builder b) {
        this.text = b.text;
        this.spanStarts = b.spans == 0 ? NO_STARTS : Arrays.copyOf(b.starts, b.spans);
        this.spanStyles = b.spans == 0 ? NO_STYLES : Arrays.copyOf(b.styles, b.spans);
        this.kind = b.kind;
        this.source = b.source;
        this.timeNanos = b.timeNanos;
        this.omittedChars = b.omittedChars;
        this.sequence = -1;
    }

    private LogLine(String text, int[] starts, SpanStyle[] styles, Kind kind, LogSource source, long timeNanos,
                    long omittedChars, long sequence) {
        this.text = text;
        this.spanStarts = starts == null ? NO_STARTS : starts;
        this.spanStyles = styles == null ? NO_STYLES : styles;
        this.kind = kind;
        this.source = source;
        this.timeNanos = timeNanos;
        this.omittedChars = omittedChars;
        this.sequence = sequence;
    }

    /** A line as the view's store gives it back. */
    static LogLine restore(String text, int[] starts, SpanStyle[] styles, Kind kind, LogSource source, long timeNanos,
                           long omittedChars, long sequence) {
        return new LogLine(text, starts, styles, kind, source, timeNanos, omittedChars, sequence);
    }

    public static LogLine of(String text) {
        return new Builder(text).build();
    }

    public static LogLine note(String text, long timeNanos) {
        return new Builder(text).kind(Kind.NOTE).time(timeNanos).build();
    }

    public static Builder builder(String text) {
        return new Builder(text);
    }

    public String text() {
        return text;
    }

    public Kind kind() {
        return kind;
    }

    public LogSource source() {
        return source;
    }

    public boolean hasTime() {
        return timeNanos != NO_TIME;
    }

    /** Nanoseconds since the epoch, or {@link #NO_TIME}. */
    public long timeNanos() {
        return timeNanos;
    }

    /** Characters of the original line that were cut off before it reached the view. */
    public long omittedChars() {
        return omittedChars;
    }

    public int spanCount() {
        return spanStarts.length;
    }

    public int spanStart(int i) {
        return spanStarts[i];
    }

    public int spanEnd(int i) {
        return i + 1 < spanStarts.length ? spanStarts[i + 1] : text.length();
    }

    public SpanStyle spanStyle(int i) {
        return spanStyles[i];
    }

    /** Lines a view gives out are equal when they are the same line of it (same arrival number). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return sequence >= 0 && o instanceof LogLine other && other.sequence == sequence && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return sequence >= 0 ? Long.hashCode(sequence) : System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return kind == Kind.OUTPUT ? text : kind + " " + text;
    }

    /** Builds a line; styles are given as runs that each last until the next one starts. */
    public static final class Builder {
        private final String text;
        private int[] starts = NO_STARTS;
        private SpanStyle[] styles = NO_STYLES;
        private int spans;
        private Kind kind = Kind.OUTPUT;
        private LogSource source;
        private long timeNanos = NO_TIME;
        private long omittedChars;

        private Builder(String text) {
            this.text = Objects.requireNonNull(text);
        }

        /** From {@code start} on (until the next style's start) the text has this style. */
        public Builder style(int start, SpanStyle style) {
            if (start < 0 || start > text.length() || (spans > 0 && start < starts[spans - 1])) {
                throw new IllegalArgumentException("style runs must start in order within the text: " + start);
            }
            if (spans == starts.length) {
                starts = Arrays.copyOf(starts, Math.max(4, spans * 2));
                styles = Arrays.copyOf(styles, Math.max(4, spans * 2));
            }
            starts[spans] = start;
            styles[spans] = style == null ? SpanStyle.PLAIN : style;
            spans++;
            return this;
        }

        /** Styles {@code [start, end)}; the text after {@code end} is plain. */
        public Builder style(int start, int end, SpanStyle style) {
            style(start, style);
            if (end < text.length()) {
                style(end, SpanStyle.PLAIN);
            }
            return this;
        }

        public Builder kind(Kind value) {
            this.kind = Objects.requireNonNull(value);
            return this;
        }

        public Builder error() {
            return kind(Kind.ERROR);
        }

        public Builder source(LogSource value) {
            this.source = value;
            return this;
        }

        public Builder time(long nanos) {
            this.timeNanos = nanos;
            return this;
        }

        public Builder omitted(long chars) {
            this.omittedChars = chars;
            return this;
        }

        public LogLine build() {
            return new LogLine(this);
        }
    }
}
