package dev.berth.logs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The whole decoding pipeline for one container's log stream: frames are demultiplexed (or the
 * TTY stream taken raw), each stream is cut into lines, the engine's timestamp prefix is read
 * and removed, bytes are decoded as UTF-8 (invalid bytes become U+FFFD) and ANSI styles are
 * parsed. Feed it the bytes in whatever pieces they arrive.
 *
 * <p>With timestamps on, the engine prefixes every message, and it splits lines over 16 KiB into
 * several messages; so a timestamp is expected at the start of every frame (or every line of a
 * raw stream), and one found in the middle of a line is removed too.
 */
public final class LogDecoder {

    /** Lines longer than this keep their start; the rest is counted, not kept. */
    public static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024;

    private final boolean timestamps;
    private final int maxLineBytes;
    private final Consumer<LogEntry> out;
    private final FrameDemuxer demuxer;
    private final LineState[] states = new LineState[StreamKind.values().length];

    public LogDecoder(boolean tty, boolean timestamps, Consumer<LogEntry> out) {
        this(tty, timestamps, DEFAULT_MAX_LINE_BYTES, out);
    }

    public LogDecoder(boolean tty, boolean timestamps, int maxLineBytes, Consumer<LogEntry> out) {
        if (maxLineBytes < 16) {
            throw new IllegalArgumentException("maxLineBytes must be at least 16");
        }
        this.timestamps = timestamps;
        this.maxLineBytes = maxLineBytes;
        this.out = out;
        this.demuxer = new FrameDemuxer(tty, new FrameDemuxer.Sink() {
            @Override
            public void frameStart(StreamKind stream) {
                state(stream).frameStart();
            }

            @Override
            public void payload(StreamKind stream, byte[] data, int offset, int length) {
                state(stream).payload(data, offset, offset + length);
            }
        });
    }

    public void feed(byte[] data, int offset, int length) {
        demuxer.feed(data, offset, length);
    }

    /** The input ended: emits unterminated last lines. */
    public void finish() {
        for (LineState state : states) {
            if (state != null) {
                state.finish();
            }
        }
    }

    /** True when the input ended inside a frame (the engine's stream was cut). */
    public boolean truncated() {
        return demuxer.endedMidFrame();
    }

    private LineState state(StreamKind stream) {
        LineState state = states[stream.ordinal()];
        if (state == null) {
            state = new LineState(stream);
            states[stream.ordinal()] = state;
        }
        return state;
    }

    /** Line assembly for one stream. */
    private final class LineState {
        private static final int MAX_TIMESTAMP = 40;

        private final StreamKind stream;
        private final AnsiParser ansi = new AnsiParser();
        private byte[] line = new byte[256];
        private int length;
        private long omitted;
        private boolean lineStarted;
        private long lineTime = Timestamps.NONE;
        private long frameTime = Timestamps.NONE;
        private boolean expectTimestamp;
        private final byte[] stamp = new byte[MAX_TIMESTAMP];
        private int stampLength;

        LineState(StreamKind stream) {
            this.stream = stream;
        }

        void frameStart() {
            if (timestamps) {
                expectTimestamp = true;
                stampLength = 0;
            }
        }

        void payload(byte[] b, int from, int to) {
            int i = from;
            while (i < to) {
                if (expectTimestamp) {
                    i = readTimestamp(b, i, to);
                    continue;
                }
                int newline = indexOf(b, i, to);
                if (newline < 0) {
                    append(b, i, to - i);
                    return;
                }
                append(b, i, newline - i);
                emit();
                i = newline + 1;
                if (timestamps && demuxer.isRaw()) {
                    expectTimestamp = true;
                    stampLength = 0;
                }
            }
        }

        /** Collects the timestamp prefix up to its space; returns where the message text starts. */
        private int readTimestamp(byte[] b, int from, int to) {
            int i = from;
            while (i < to) {
                byte c = b[i];
                if (c == ' ') {
                    expectTimestamp = false;
                    long time = Timestamps.parse(stamp, 0, stampLength);
                    if (time == Timestamps.NONE) {
                        append(stamp, 0, stampLength);
                        append(b, i, 1);
                    } else {
                        frameTime = time;
                    }
                    return i + 1;
                }
                if (c == '\n' || stampLength == MAX_TIMESTAMP) {
                    // Not a timestamp after all: it is text.
                    expectTimestamp = false;
                    append(stamp, 0, stampLength);
                    return i;
                }
                stamp[stampLength++] = c;
                i++;
            }
            return i;
        }

        private void append(byte[] b, int from, int count) {
            if (!lineStarted) {
                lineStarted = true;
                lineTime = frameTime;
            }
            int room = maxLineBytes - length;
            int kept = Math.min(room, count);
            if (kept > 0) {
                if (length + kept > line.length) {
                    line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(line.length * 2, length + kept)));
                }
                System.arraycopy(b, from, line, length, kept);
                length += kept;
            }
            if (kept < count) {
                omitted += codePoints(b, from + Math.max(kept, 0), count - Math.max(kept, 0));
            }
        }

        private void emit() {
            long time = lineStarted ? lineTime : frameTime;
            int end = length;
            if (end > 0 && line[end - 1] == '\r') {
                end--;
            }
            if (omitted > 0) {
                // The cut may have split a UTF-8 sequence; end before it.
                int cut = end;
                while (cut > 0 && (line[cut - 1] & 0xC0) == 0x80) {
                    cut--;
                }
                if (cut > 0 && (line[cut - 1] & 0x80) != 0) {
                    omitted++;
                    end = cut - 1;
                }
            }
            // A carriage return rewrites the line in a terminal (progress bars): keep what is seen last.
            int start = 0;
            for (int i = end - 1; i >= 0; i--) {
                if (line[i] == '\r') {
                    start = i + 1;
                    break;
                }
            }
            // Most lines are printable ASCII: then the bytes are the characters, with no escape
            // sequence to look for (checked on the bytes, cheaper than decoding and scanning chars).
            boolean printable = true;
            for (int i = start; i < end; i++) {
                byte b = line[i];
                if (b < 0x20 && b != '\t' || b == 0x7f) {
                    printable = false;
                    break;
                }
            }
            StyledText styled = printable
                    ? ansi.parsePrintable(new String(line, start, end - start, StandardCharsets.ISO_8859_1))
                    : ansi.parse(new String(line, start, end - start, StandardCharsets.UTF_8));
            out.accept(new LogEntry(stream, time, styled, omitted));
            length = 0;
            omitted = 0;
            lineStarted = false;
            if (line.length > 64 * 1024) {
                line = new byte[256];
            }
        }

        void finish() {
            if (expectTimestamp && stampLength > 0) {
                expectTimestamp = false;
                append(stamp, 0, stampLength);
            }
            if (lineStarted || length > 0 || omitted > 0) {
                emit();
            }
        }

        private static int indexOf(byte[] b, int from, int to) {
            for (int i = from; i < to; i++) {
                if (b[i] == '\n') {
                    return i;
                }
            }
            return -1;
        }

        private static long codePoints(byte[] b, int from, int count) {
            long n = 0;
            for (int i = from; i < from + count; i++) {
                if ((b[i] & 0xC0) != 0x80) {
                    n++;
                }
            }
            return n;
        }
    }
}
