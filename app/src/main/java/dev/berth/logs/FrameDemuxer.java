package dev.berth.logs;

/**
 * Splits the engine's multiplexed stdout/stderr stream into its frames. Each frame is an 8-byte
 * header (stream type, three zero bytes, big-endian payload length) followed by the payload.
 *
 * <p>Input may arrive in any pieces: a header or payload split across reads is reassembled, and
 * payloads are handed on as they arrive (a 1 MB frame is never buffered whole). A stream that is
 * not multiplexed after all (a TTY container, or garbage) is detected by an impossible header
 * and passed through raw from there on, so no output is lost.
 */
public final class FrameDemuxer {

    /** Receives the demultiplexed output. */
    public interface Sink {
        /** A new frame begins on {@code stream}; its payload follows in one or more pieces. */
        void frameStart(StreamKind stream);

        void payload(StreamKind stream, byte[] data, int offset, int length);
    }

    private static final int HEADER = 8;

    private final Sink sink;
    private final byte[] header = new byte[HEADER];
    private int headerFill;
    private long remaining;
    private StreamKind current = StreamKind.STDOUT;
    private boolean raw;
    private boolean started;

    /** @param raw true for a TTY container's stream, which has no frames */
    public FrameDemuxer(boolean raw, Sink sink) {
        this.raw = raw;
        this.sink = sink;
    }

    public void feed(byte[] data, int offset, int length) {
        int off = offset;
        int len = length;
        while (len > 0) {
            if (raw) {
                if (!started) {
                    started = true;
                    sink.frameStart(StreamKind.STDOUT);
                }
                sink.payload(StreamKind.STDOUT, data, off, len);
                return;
            }
            if (remaining > 0) {
                int n = (int) Math.min(remaining, len);
                sink.payload(current, data, off, n);
                off += n;
                len -= n;
                remaining -= n;
                continue;
            }
            int n = Math.min(HEADER - headerFill, len);
            System.arraycopy(data, off, header, headerFill, n);
            headerFill += n;
            off += n;
            len -= n;
            if (headerFill == HEADER) {
                headerFill = 0;
                startFrame();
            }
        }
    }

    private void startFrame() {
        StreamKind kind = StreamKind.ofFrameType(header[0] & 0xff);
        if (kind == null || header[1] != 0 || header[2] != 0 || header[3] != 0) {
            // Not a frame header: this stream is raw after all. Keep its bytes as output.
            raw = true;
            started = true;
            sink.frameStart(StreamKind.STDOUT);
            sink.payload(StreamKind.STDOUT, header, 0, HEADER);
            return;
        }
        current = kind;
        remaining = ((header[4] & 0xffL) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8)
                | (header[7] & 0xff);
        started = true;
        sink.frameStart(kind);
    }

    /** True when the input ended inside a frame (its header or payload cut short). */
    public boolean endedMidFrame() {
        return !raw && (headerFill > 0 || remaining > 0);
    }

    /** Payload bytes announced by the last header that never arrived (0 when complete). */
    public long missingBytes() {
        return raw ? 0 : remaining;
    }

    /** True once the stream turned out not to be multiplexed (or was declared raw). */
    public boolean isRaw() {
        return raw;
    }
}
