package dev.berth.ui.filetree;

/** What happened to a path, compared with what was there before (a lower layer, the image, ...). */
public enum ChangeKind {
    ADDED("+", "added"),
    MODIFIED("~", "modified"),
    REMOVED("−", "removed"),
    /** Present and unchanged; shown only for context (parent folders, the whole filesystem). */
    UNCHANGED("", "unchanged");

    private final String mark;
    private final String word;

    ChangeKind(String mark, String word) {
        this.mark = mark;
        this.word = word;
    }

    /** The one-character mark drawn before the name. */
    public String mark() {
        return mark;
    }

    /** "added", "modified", ...: for tooltips and summaries. */
    public String word() {
        return word;
    }

    public boolean isChange() {
        return this != UNCHANGED;
    }
}
