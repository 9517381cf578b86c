package dev.berth.ui.logview;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The lines a {@link LogView} holds and shows, on the FX thread: a bounded store (oldest dropped
 * first), the shown subset (hidden sources and, in filter mode, non-matching lines left out), the
 * match count kept up to date as lines come and go, and where next/previous stands.
 */
final class LogModel {

    /** Beyond the line cap, a budget on retained text keeps a log of huge lines bounded too. */
    static final long MAX_RETAINED_BYTES = 64L * 1024 * 1024;

    private final LineStore store = new LineStore();
    private final ShownLines shown = new ShownLines(store);
    private final List<LogLine> all = new AllLines();
    private long dropped;
    private LogSearch search = LogSearch.NONE;
    private boolean filterMode;
    private long matchCount;
    private long[] scratch = new long[1024];

    /** Sequence of the line next/previous is on, -1 when none. */
    private long currentSequence = -1;
    private int currentOccurrence;
    /** 1-based number of the current match among all shown matches; 0 when none. */
    private long currentOrdinal;

    List<LogLine> all() {
        return all;
    }

    ShownLines shown() {
        return shown;
    }

    int size() {
        return store.size();
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

    long currentSequence() {
        return currentSequence;
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
        long incomingBytes = 0;
        for (LogLine line : incoming) {
            incomingBytes += line.text().length();
        }
        int drop = Math.max(0, Math.min(store.size() + incoming.size() - maxLines, store.size()));
        if (store.retainedBytes() + incomingBytes > MAX_RETAINED_BYTES) {
            drop = Math.max(drop, bytesToDrop(store.retainedBytes() + incomingBytes - MAX_RETAINED_BYTES));
        }
        if (drop > 0) {
            dropOldest(drop);
        }
        if (scratch.length < incoming.size()) {
            scratch = new long[Math.max(incoming.size(), scratch.length * 2)];
        }
        int shownCount = 0;
        boolean filtering = filterMode && search.isActive();
        for (LogLine line : incoming) {
            long seq = store.append(line);
            if (passes(line.kind(), line.source(), line.text(), filtering)) {
                scratch[shownCount++] = seq;
                if (search.isActive()) {
                    matchCount += search.count(line.text());
                }
            }
        }
        shown.addAll(scratch, shownCount);
    }

    private int bytesToDrop(long excess) {
        long freed = 0;
        int n = 0;
        while (n < store.size() && freed < excess) {
            freed += store.text(n).length();
            n++;
        }
        return n;
    }

    private void dropOldest(int count) {
        long firstKept = store.firstSequence() + count;
        if (search.isActive()) {
            int gone = shown.indexAtOrAfter(firstKept);
            for (int i = 0; i < gone; i++) {
                int n = search.count(shown.textAt(i));
                matchCount -= n;
                if (shown.sequenceAt(i) < currentSequence) {
                    currentOrdinal -= n;
                }
            }
            if (currentSequence >= 0 && currentSequence < firstKept) {
                clearCurrent();
            }
        }
        // The shown list announces the removal while the store still holds the lines.
        shown.removeBefore(firstKept);
        store.dropHead(count);
        dropped += count;
    }

    void clear() {
        shown.reset();
        store.clear();
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

    private static boolean passes(LogLine.Kind kind, LogSource source, String text, boolean filtering,
                                  LogSearch search) {
        return (source == null || source.isShown())
                && (!filtering || kind == LogLine.Kind.NOTE || search.matches(text));
    }

    private boolean passes(LogLine.Kind kind, LogSource source, String text, boolean filtering) {
        return passes(kind, source, text, filtering, search);
    }

    /** Source visibility or the filter changed: choose the shown lines again. */
    void refilter() {
        boolean filtering = filterMode && search.isActive();
        int n = store.size();
        if (scratch.length < n) {
            scratch = new long[Math.max(n, scratch.length * 2)];
        }
        int count = 0;
        long first = store.firstSequence();
        for (int i = 0; i < n; i++) {
            LogSource source = store.source(i);
            if (source != null && !source.isShown()) {
                continue;
            }
            LogLine.Kind kind = store.kind(i);
            if (filtering && kind != LogLine.Kind.NOTE && !search.matches(store.text(i))) {
                continue;
            }
            scratch[count++] = first + i;
        }
        shown.replaceAll(scratch, count);
        if (currentSequence >= 0 && shown.indexOfSequence(currentSequence) < 0) {
            clearCurrent();
        }
        recount();
    }

    private void recount() {
        long n = 0;
        if (search.isActive()) {
            for (int i = 0; i < shown.size(); i++) {
                n += search.count(shown.textAt(i));
            }
        }
        matchCount = n;
        if (currentSequence >= 0) {
            currentOrdinal = ordinalOf(currentSequence, currentOccurrence);
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
        int index = currentSequence < 0 ? -1 : shown.indexOfSequence(currentSequence);
        if (index >= 0) {
            int count = search.count(shown.textAt(index));
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
            int count = search.count(shown.textAt(i));
            if (count > 0) {
                currentSequence = shown.sequenceAt(i);
                currentOccurrence = forward ? 0 : count - 1;
                currentOrdinal = ordinalOf(currentSequence, currentOccurrence);
                return i;
            }
        }
        clearCurrent();
        return -1;
    }

    private long ordinalOf(long sequence, int occurrence) {
        long before = 0;
        for (int i = 0; i < shown.size(); i++) {
            if (shown.sequenceAt(i) == sequence) {
                return before + occurrence + 1;
            }
            before += search.count(shown.textAt(i));
        }
        return 0;
    }

    int indexAtOrAfter(long sequence) {
        return shown.indexAtOrAfter(sequence);
    }

    private void clearCurrent() {
        currentSequence = -1;
        currentOccurrence = 0;
        currentOrdinal = 0;
    }

    /** Every retained line, made on demand. */
    private final class AllLines extends AbstractList<LogLine> implements RandomAccess {
        @Override
        public LogLine get(int index) {
            return store.get(index);
        }

        @Override
        public int size() {
            return store.size();
        }
    }
}
