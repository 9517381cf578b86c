package dev.berth.ui.logview;

/**
 * How a run of text in a log line looks: terminal colours and attributes, as ANSI SGR sequences
 * describe them. Colours are {@code null} for the default. Share instances: a log holds few
 * distinct styles.
 */
public record SpanStyle(TermColor foreground, TermColor background, boolean bold, boolean dim, boolean italic,
                        boolean underline, boolean strikethrough, boolean inverse, boolean hidden) {

    public static final SpanStyle PLAIN = new SpanStyle(null, null, false, false, false, false, false, false, false);

    public static SpanStyle foreground(TermColor color) {
        return PLAIN.withForeground(color);
    }

    public SpanStyle withForeground(TermColor color) {
        return new SpanStyle(color, background, bold, dim, italic, underline, strikethrough, inverse, hidden);
    }

    public SpanStyle withBackground(TermColor color) {
        return new SpanStyle(foreground, color, bold, dim, italic, underline, strikethrough, inverse, hidden);
    }

    public SpanStyle withBold(boolean value) {
        return new SpanStyle(foreground, background, value, dim, italic, underline, strikethrough, inverse, hidden);
    }

    public SpanStyle withUnderline(boolean value) {
        return new SpanStyle(foreground, background, bold, dim, italic, value, strikethrough, inverse, hidden);
    }

    public boolean isPlain() {
        return equals(PLAIN);
    }
}
