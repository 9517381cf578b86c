package dev.berth.ui.logview;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The retained lines of a {@link LogView}, packed: text as UTF-8 in large byte chunks, the rest
 * in primitive ring arrays. A hundred thousand lines are a few dozen objects, so the garbage
 * collector's work (and its pauses, which stall the FX thread) does not grow with the log.
 * Lines come out as {@link LogLine} objects made on demand. FX thread only.
 *
 * <p>Lines are numbered by arrival ({@code sequence}); retained lines are always a contiguous
 * range of sequences, as only the oldest are ever dropped.
 */
final class LineStore {

    static final int CHUNK_BYTES = 256 * 1024;
    private static final int[] PLAIN = null;

    // Text chunks, a ring of byte arrays; lines never straddle two chunks.
    private byte[][] chunks = new byte[8][];
    private int chunkHead;
    private int chunkCount;
    private int firstChunkNumber;
    private int writeOffset;

    // Per-line data, a ring of capacity (a power of two).
    private int capacity = 1024;
    private int head;
    private int size;
    private long firstSequence;
    private int[] chunkOf = new int[capacity];
    private int[] offset = new int[capacity];
    private int[] length = new int[capacity];
    private long[] time = new long[capacity];
    private long[] omitted = new long[capacity];
    private byte[] kind = new byte[capacity];
    private short[] source = new short[capacity];
    private int[][] spans = new int[capacity][];

    private final List<LogSource> sources = new ArrayList<>();
    private final Map<LogSource, Integer> sourceIds = new IdentityHashMap<>();
    private final List<SpanStyle> styles = new ArrayList<>();
    private final Map<SpanStyle, Integer> styleIds = new HashMap<>();
    /** Producers usually share style objects: most lookups end here without hashing nine fields. */
    private final Map<SpanStyle, Integer> styleIdsByIdentity = new IdentityHashMap<>();
    private long retainedBytes;

    int size() {
        return size;
    }

    /** Sequence of the oldest retained line (of the next line when empty). */
    long firstSequence() {
        return firstSequence;
    }

    long endSequence() {
        return firstSequence + size;
    }

    long retainedBytes() {
        return retainedBytes;
    }

    /** Packs a line in; returns its sequence. */
    long append(LogLine line) {
        if (size == capacity) {
            grow();
        }
        byte[] bytes = line.text().getBytes(StandardCharsets.UTF_8);
        int len = bytes.length;
        if (chunkCount == 0 || writeOffset + len > lastChunk().length) {
            newChunk(Math.max(CHUNK_BYTES, len));
        }
        System.arraycopy(bytes, 0, lastChunk(), writeOffset, len);
        int slot = (head + size) & (capacity - 1);
        chunkOf[slot] = firstChunkNumber + chunkCount - 1;
        offset[slot] = writeOffset;
        length[slot] = len;
        writeOffset += len;
        time[slot] = line.timeNanos();
        omitted[slot] = line.omittedChars();
        kind[slot] = (byte) line.kind().ordinal();
        source[slot] = (short) sourceId(line.source());
        spans[slot] = packSpans(line);
        size++;
        retainedBytes += len;
        return firstSequence + size - 1;
    }

    /** Drops the {@code count} oldest lines and the chunks only they used. */
    void dropHead(int count) {
        int n = Math.min(count, size);
        for (int i = 0; i < n; i++) {
            int slot = (head + i) & (capacity - 1);
            retainedBytes -= length[slot];
            spans[slot] = null;
        }
        head = (head + n) & (capacity - 1);
        size -= n;
        firstSequence += n;
        int firstUsed = size > 0 ? chunkOf[head] : firstChunkNumber + chunkCount - 1;
        while (chunkCount > 1 && firstChunkNumber < firstUsed) {
            chunks[chunkHead] = null;
            chunkHead = (chunkHead + 1) % chunks.length;
            chunkCount--;
            firstChunkNumber++;
        }
        if (size == 0 && chunkCount == 1) {
            writeOffset = 0;
        }
    }

    void clear() {
        dropHead(size);
    }

    String text(int index) {
        int slot = slot(index);
        return new String(chunk(chunkOf[slot]), offset[slot], length[slot], StandardCharsets.UTF_8);
    }

    LogLine.Kind kind(int index) {
        return LogLine.Kind.values()[kind[slot(index)]];
    }

    LogSource source(int index) {
        int id = source[slot(index)];
        return id < 0 ? null : sources.get(id);
    }

    LogLine get(int index) {
        int slot = slot(index);
        int[] packed = spans[slot];
        int[] starts = null;
        SpanStyle[] spanStyles = null;
        if (packed != PLAIN) {
            starts = new int[packed.length / 2];
            spanStyles = new SpanStyle[packed.length / 2];
            for (int i = 0; i < starts.length; i++) {
                starts[i] = packed[i * 2];
                spanStyles[i] = styles.get(packed[i * 2 + 1]);
            }
        }
        return LogLine.restore(text(index), starts, spanStyles, LogLine.Kind.values()[kind[slot]], source(index),
                time[slot], omitted[slot], firstSequence + index);
    }

    private int slot(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("line " + index + " of " + size);
        }
        return (head + index) & (capacity - 1);
    }

    private byte[] chunk(int number) {
        return chunks[(chunkHead + (number - firstChunkNumber)) % chunks.length];
    }

    private byte[] lastChunk() {
        return chunks[(chunkHead + chunkCount - 1) % chunks.length];
    }

    private void newChunk(int bytes) {
        if (chunkCount == chunks.length) {
            byte[][] bigger = new byte[chunks.length * 2][];
            for (int i = 0; i < chunkCount; i++) {
                bigger[i] = chunks[(chunkHead + i) % chunks.length];
            }
            chunks = bigger;
            chunkHead = 0;
        }
        chunks[(chunkHead + chunkCount) % chunks.length] = new byte[bytes];
        chunkCount++;
        writeOffset = 0;
    }

    private void grow() {
        int bigger = capacity * 2;
        chunkOf = unwrap(chunkOf, bigger);
        offset = unwrap(offset, bigger);
        length = unwrap(length, bigger);
        time = unwrap(time, bigger);
        omitted = unwrap(omitted, bigger);
        kind = unwrap(kind, bigger);
        source = unwrap(source, bigger);
        spans = unwrap(spans, bigger);
        head = 0;
        capacity = bigger;
    }

    private int[] unwrap(int[] a, int newCapacity) {
        int[] out = new int[newCapacity];
        for (int i = 0; i < size; i++) {
            out[i] = a[(head + i) & (capacity - 1)];
        }
        return out;
    }

    private long[] unwrap(long[] a, int newCapacity) {
        long[] out = new long[newCapacity];
        for (int i = 0; i < size; i++) {
            out[i] = a[(head + i) & (capacity - 1)];
        }
        return out;
    }

    private byte[] unwrap(byte[] a, int newCapacity) {
        byte[] out = new byte[newCapacity];
        for (int i = 0; i < size; i++) {
            out[i] = a[(head + i) & (capacity - 1)];
        }
        return out;
    }

    private short[] unwrap(short[] a, int newCapacity) {
        short[] out = new short[newCapacity];
        for (int i = 0; i < size; i++) {
            out[i] = a[(head + i) & (capacity - 1)];
        }
        return out;
    }

    private int[][] unwrap(int[][] a, int newCapacity) {
        int[][] out = new int[newCapacity][];
        for (int i = 0; i < size; i++) {
            out[i] = a[(head + i) & (capacity - 1)];
        }
        return out;
    }

    private int sourceId(LogSource s) {
        if (s == null) {
            return -1;
        }
        return sourceIds.computeIfAbsent(s, k -> {
            sources.add(k);
            return sources.size() - 1;
        });
    }

    private int[] packSpans(LogLine line) {
        int n = line.spanCount();
        if (n == 0) {
            return PLAIN;
        }
        int[] packed = new int[n * 2];
        for (int i = 0; i < n; i++) {
            packed[i * 2] = line.spanStart(i);
            SpanStyle style = line.spanStyle(i);
            Integer id = styleIdsByIdentity.get(style);
            if (id == null) {
                id = styleIds.computeIfAbsent(style, k -> {
                    styles.add(k);
                    return styles.size() - 1;
                });
                if (styleIdsByIdentity.size() < 4096) {
                    styleIdsByIdentity.put(style, id);
                }
            }
            packed[i * 2 + 1] = id;
        }
        return packed;
    }

    /** For tests: how many text chunks are held. */
    int chunkCount() {
        return chunkCount;
    }

    @Override
    public String toString() {
        return "LineStore[" + size + " lines from " + firstSequence + ", " + chunkCount + " chunks, "
                + Arrays.toString(new long[] {retainedBytes}) + " bytes]";
    }
}
