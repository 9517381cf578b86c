package dev.berth.ui.logview;

import java.util.List;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The lines a {@link LogView} holds and shows, on the FX thread: a bounded list (oldest dropped
 * first), the shown subset (hidden sources and, in filter mode, non-matching lines left out), the
 * match count kept up to date as lines come and go, and where next/previous stands.
 */
final class LogModel {

    /** Beyond the line cap, a budget on retained characters keeps a log of huge lines bounded too. */
    static final long MAX_RETAINED_CHARS = 64L * 1024 * 1024;

    private final ObservableList<LogLine> all = FXCollections.observableArrayList();
    private final FilteredList<LogLine> shown = new FilteredList<>(all);
    private long nextSequence;
    private long retainedChars;
    private long dropped;
    private LogSearch search = LogSearch.NONE;
    private boolean filterMode;
    private long matchCount;
    private boolean recounting;

    private LogLine currentLine;
    private int currentOccurrence;
    /** 1-based number of the current match among all shown matches; 0 when none. */
    private long currentOrdinal;

    LogModel() {
        shown.addListener((ListChangeListener<LogLine>) this::shownChanged);
    }

    ObservableList<LogLine> all() {
        return all;
    }

    FilteredList<LogLine> shown() {
        return shown;
    }

    long dropped() {
        return dropped;
    }

    long matchCount() {
        return matchCount;
    }

    LogSearch search() {
        return search;
    }

    LogLine currentLine() {
        return currentLine;
    }

    int currentOccurrence() {
        return currentOccurrence;
    }

    long currentOrdinal() {
        return currentOrdinal;
    }

    /**
     * Adds a batch, dropping the oldest lines beyond {@code maxLines}. {@code alreadyDropped} lines
     * never reached the model (the batch queue was trimmed) and are counted as dropped too.
     */
    void append(List<LogLine> batch, int maxLines, long alreadyDropped) {
        dropped += alreadyDropped;
        List<LogLine> incoming = batch;
        if (incoming.size() > maxLines) {
            dropped += incoming.size() - maxLines;
            incoming = incoming.subList(incoming.size() - maxLines, incoming.size());
        }
        for (LogLine line : incoming) {
            line.sequence = nextSequence++;
            retainedChars += line.text().length();
        }
        int excess = all.size() + incoming.size() - maxLines;
        int drop = Math.max(0, Math.min(excess, all.size()));
        long charsAfter = retainedChars;
        for (int i = 0; i < drop; i++) {
            charsAfter -= all.get(i).text().length();
        }
        while (drop < all.size() && charsAfter > MAX_RETAINED_CHARS) {
            charsAfter -= all.get(drop).text().length();
            drop++;
        }
        if (drop > 0) {
            all.remove(0, drop);
            dropped += drop;
            retainedChars = charsAfter;
        }
        all.addAll(incoming);
    }

    void clear() {
        all.clear();
        retainedChars = 0;
        dropped = 0;
        matchCount = 0;
        clearCurrent();
    }

    void setSearch(LogSearch value, boolean filter) {
        boolean refilter = filter || filterMode;
        search = value;
        filterMode = filter;
        clearCurrent();
        if (refilter) {
            refilter();
        } else {
            recount();
        }
    }

    /** Source visibility or the filter changed: choose the shown lines again. */
    void refilter() {
        recounting = true;
        try {
            LogSearch s = search;
            boolean filtering = filterMode && s.isActive();
            Predicate<LogLine> predicate = line -> (line.source() == null || line.source().isShown())
                    && (!filtering || line.kind() == LogLine.Kind.NOTE || s.matches(line.text()));
            shown.setPredicate(predicate);
        } finally {
            recounting = false;
        }
        if (currentLine != null && indexOf(currentLine) < 0) {
            clearCurrent();
        }
        recount();
    }

    private void recount() {
        long n = 0;
        if (search.isActive()) {
            for (LogLine line : shown) {
                n += search.count(line.text());
            }
        }
        matchCount = n;
        if (currentLine != null) {
            currentOrdinal = ordinalOf(currentLine, currentOccurrence);
        }
    }

    private void shownChanged(ListChangeListener.Change<? extends LogLine> c) {
        if (recounting || !search.isActive()) {
            return;
        }
        while (c.next()) {
            if (c.wasRemoved()) {
                for (LogLine line : c.getRemoved()) {
                    int n = search.count(line.text());
                    matchCount -= n;
                    if (line == currentLine) {
                        clearCurrent();
                    } else if (currentLine != null && line.sequence < currentLine.sequence) {
                        currentOrdinal -= n;
                    }
                }
            }
            if (c.wasAdded()) {
                for (LogLine line : c.getAddedSubList()) {
                    matchCount += search.count(line.text());
                }
            }
        }
    }

    /**
     * Moves to the next (or previous) match after the current one, or after {@code fromIndex} in
     * the shown lines when there is no current match. Returns the shown index of its line, or -1.
     */
    int move(boolean forward, int fromIndex) {
        if (!search.isActive() || shown.isEmpty()) {
            return -1;
        }
        int size = shown.size();
        int index = currentLine == null ? -1 : indexOf(currentLine);
        if (index >= 0) {
            int count = search.count(currentLine.text());
            int next = currentOccurrence + (forward ? 1 : -1);
            if (next >= 0 && next < count) {
                currentOccurrence = next;
                currentOrdinal += forward ? 1 : -1;
                return index;
            }
        } else {
            index = Math.max(-1, Math.min(fromIndex, size));
            if (!forward && fromIndex < 0) {
                index = size;
            }
        }
        // Scan on, wrapping around once.
        for (int step = 1; step <= size; step++) {
            int i = Math.floorMod(index + (forward ? step : -step), size);
            LogLine line = shown.get(i);
            int count = search.count(line.text());
            if (count > 0) {
                currentLine = line;
                currentOccurrence = forward ? 0 : count - 1;
                currentOrdinal = ordinalOf(line, currentOccurrence);
                return i;
            }
        }
        clearCurrent();
        return -1;
    }

    private long ordinalOf(LogLine line, int occurrence) {
        long before = 0;
        for (LogLine l : shown) {
            if (l == line) {
                return before + occurrence + 1;
            }
            before += search.count(l.text());
        }
        return 0;
    }

    /** Index in the shown lines, found by arrival order; -1 when not shown. */
    int indexOf(LogLine line) {
        int lo = 0;
        int hi = shown.size() - 1;
        long seq = line.sequence;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long s = shown.get(mid).sequence;
            if (s < seq) {
                lo = mid + 1;
            } else if (s > seq) {
                hi = mid - 1;
            } else {
                return shown.get(mid) == line ? mid : -1;
            }
        }
        return -1;
    }

    /** Index of the first shown line that arrived at or after {@code sequence}. */
    int indexAtOrAfter(long sequence) {
        int lo = 0;
        int hi = shown.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (shown.get(mid).sequence < sequence) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void clearCurrent() {
        currentLine = null;
        currentOccurrence = 0;
        currentOrdinal = 0;
    }
}
