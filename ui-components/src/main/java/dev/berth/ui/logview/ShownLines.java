package dev.berth.ui.logview;

import java.util.AbstractList;
import java.util.Arrays;
import javafx.collections.ObservableListBase;

/**
 * The lines a {@link LogView} shows: the sequences of the retained lines that pass the filter and
 * source toggles, as the list the ListView displays. Items are made on demand from the store.
 */
final class ShownLines extends ObservableListBase<LogLine> {

    private final LineStore store;
    private long[] sequences = new long[1024];
    private int head;
    private int size;

    ShownLines(LineStore store) {
        this.store = store;
    }

    @Override
    public LogLine get(int index) {
        return store.get(storeIndex(index));
    }

    @Override
    public int size() {
        return size;
    }

    long sequenceAt(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("line " + index + " of " + size);
        }
        return sequences[(head + index) & (sequences.length - 1)];
    }

    String textAt(int index) {
        return store.text(storeIndex(index));
    }

    LogLine.Kind kindAt(int index) {
        return store.kind(storeIndex(index));
    }

    int storeIndex(int index) {
        return (int) (sequenceAt(index) - store.firstSequence());
    }

    /** Index of the shown line with this sequence, or -1. */
    int indexOfSequence(long sequence) {
        int i = indexAtOrAfter(sequence);
        return i < size && sequenceAt(i) == sequence ? i : -1;
    }

    /** Index of the first shown line with a sequence at or after {@code sequence}. */
    int indexAtOrAfter(long sequence) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sequenceAt(mid) < sequence) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Removes the shown lines older than {@code firstKept}. Call while the store still holds them:
     * listeners may read the removed lines during the change.
     */
    void removeBefore(long firstKept) {
        int count = indexAtOrAfter(firstKept);
        if (count == 0) {
            return;
        }
        long[] removed = copy(0, count);
        beginChange();
        nextRemove(0, new Removed(removed));
        head = (head + count) & (sequences.length - 1);
        size -= count;
        endChange();
    }

    void addAll(long[] added, int count) {
        if (count == 0) {
            return;
        }
        ensureCapacity(size + count);
        for (int i = 0; i < count; i++) {
            sequences[(head + size + i) & (sequences.length - 1)] = added[i];
        }
        beginChange();
        nextAdd(size, size + count);
        size += count;
        endChange();
    }

    /** Replaces every shown line (the filter changed). */
    void replaceAll(long[] all, int count) {
        long[] removed = copy(0, size);
        ensureCapacity(count);
        beginChange();
        if (removed.length > 0) {
            nextRemove(0, new Removed(removed));
        }
        head = 0;
        System.arraycopy(all, 0, sequences, 0, count);
        size = count;
        if (count > 0) {
            nextAdd(0, count);
        }
        endChange();
    }

    void clear0() {
        if (size == 0) {
            return;
        }
        long[] removed = copy(0, size);
        beginChange();
        nextRemove(0, new Removed(removed));
        head = 0;
        size = 0;
        endChange();
    }

    private long[] copy(int from, int count) {
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = sequenceAt(from + i);
        }
        return out;
    }

    private void ensureCapacity(int needed) {
        if (needed <= sequences.length) {
            return;
        }
        int capacity = sequences.length;
        while (capacity < needed) {
            capacity *= 2;
        }
        long[] bigger = new long[capacity];
        for (int i = 0; i < size; i++) {
            bigger[i] = sequences[(head + i) & (sequences.length - 1)];
        }
        sequences = bigger;
        head = 0;
    }

    /**
     * The removed lines of a change, made from the store when read. Valid while the change is
     * delivered; a line the store no longer holds reads as an empty placeholder.
     */
    private final class Removed extends AbstractList<LogLine> {
        private final long[] removed;

        Removed(long[] removed) {
            this.removed = removed;
        }

        @Override
        public LogLine get(int index) {
            long seq = removed[index];
            long storeIndex = seq - store.firstSequence();
            if (storeIndex < 0 || storeIndex >= store.size()) {
                return LogLine.restore("", null, null, LogLine.Kind.OUTPUT, null, LogLine.NO_TIME, 0, seq);
            }
            return store.get((int) storeIndex);
        }

        @Override
        public int size() {
            return removed.length;
        }

        @Override
        public String toString() {
            return "removed " + Arrays.toString(removed);
        }
    }
}
