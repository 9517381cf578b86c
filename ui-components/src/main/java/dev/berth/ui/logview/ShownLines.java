package dev.berth.ui.logview;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The lines a {@link LogView} shows: the sequences of the retained lines that pass the filter and
 * source toggles. Items are made on demand from the store. Not observable: the flow that draws
 * them is told after each change, and change events would make every dropped line an object.
 */
final class ShownLines extends AbstractList<LogLine> implements RandomAccess {

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

    /** Removes the shown lines older than {@code firstKept}. */
    void removeBefore(long firstKept) {
        int count = indexAtOrAfter(firstKept);
        head = (head + count) & (sequences.length - 1);
        size -= count;
    }

    void addAll(long[] added, int count) {
        if (count == 0) {
            return;
        }
        ensureCapacity(size + count);
        for (int i = 0; i < count; i++) {
            sequences[(head + size + i) & (sequences.length - 1)] = added[i];
        }
        size += count;
    }

    /** Replaces every shown line (the filter changed). */
    void replaceAll(long[] all, int count) {
        head = 0;
        size = 0;
        ensureCapacity(count);
        System.arraycopy(all, 0, sequences, 0, count);
        size = count;
    }

    void reset() {
        head = 0;
        size = 0;
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
}
