package dev.berth.ui.logview;

/**
 * The selected lines of a {@link LineFlow}: a contiguous range between an anchor and a caret,
 * held as line sequences so it stays on the same lines while new ones arrive and old ones go.
 */
final class LineSelection {

    private final ShownLines lines;
    private final Runnable onChange;
    private long anchor = -1;
    private long caret = -1;

    LineSelection(ShownLines lines, Runnable onChange) {
        this.lines = lines;
        this.onChange = onChange;
    }

    /** Selects the shown lines {@code from..to} (inclusive, any order). */
    void select(int from, int to) {
        if (lines.size() == 0) {
            clear();
            return;
        }
        anchor = lines.sequenceAt(clamp(from));
        caret = lines.sequenceAt(clamp(to));
        onChange.run();
    }

    /** Moves the caret to this line, keeping the anchor (shift-click, shift-arrow). */
    void extendTo(int index) {
        if (lines.size() == 0) {
            return;
        }
        long seq = lines.sequenceAt(clamp(index));
        if (anchor < 0) {
            anchor = seq;
        }
        caret = seq;
        onChange.run();
    }

    void clear() {
        anchor = -1;
        caret = -1;
        onChange.run();
    }

    /** The caret's shown index, or -1 without a selection (or when it is no longer shown). */
    int caretIndex() {
        return caret < 0 ? -1 : lines.indexOfSequence(caret);
    }

    /** Shown index range {from, to} of the selection, or null. */
    int[] range() {
        if (anchor < 0) {
            return null;
        }
        int from = lines.indexAtOrAfter(Math.min(anchor, caret));
        int to = lines.indexAtOrAfter(Math.max(anchor, caret) + 1) - 1;
        return from > to ? null : new int[] {from, to};
    }

    boolean contains(long sequence) {
        return anchor >= 0 && sequence >= Math.min(anchor, caret) && sequence <= Math.max(anchor, caret);
    }

    boolean containsIndex(int index) {
        int[] r = range();
        return r != null && index >= r[0] && index <= r[1];
    }

    private int clamp(int index) {
        return Math.max(0, Math.min(lines.size() - 1, index));
    }
}
