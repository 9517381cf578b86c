package dev.berth.ui.codeeditor;

import java.util.List;

/**
 * Splits text into styled spans for a {@link CodeEditor}. Runs on the FX thread after each edit,
 * so it must be quick (a line-by-line lexer, not a parser of the whole language).
 */
@FunctionalInterface
public interface Highlighter {

    /** A range {@code [start, end)} of the text and the style class to draw it with. */
    record Span(int start, int end, String styleClass) {
    }

    /** Spans in order, not overlapping; text between spans is drawn plain. */
    List<Span> highlight(String text);

    /** No highlighting. */
    Highlighter NONE = text -> List.of();
}
