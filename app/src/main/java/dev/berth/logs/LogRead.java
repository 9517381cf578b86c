package dev.berth.logs;

import dev.berth.engine.LogQuery;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * One log query's decoding, fed by one engine stream or, after breaks, by several: the same query
 * bounded by since and until returns the same bytes, so a new stream skips what was decoded and
 * the decoder goes on as if nothing had happened. The skipped bytes are checked against a CRC of
 * those decoded: if the engine rotated its log files meanwhile, they differ, and the read ends
 * there rather than decode from the middle of a frame.
 */
final class LogRead {

    private static final int READ_BUFFER = 64 * 1024;

    private final LogQuery query;
    private final LogDecoder decoder;
    /** Bytes of the engine's stream decoded so far, and their CRC. */
    private long consumed;
    private final CRC32 decoded = new CRC32();

    LogRead(boolean tty, LogQuery query, Consumer<LogEntry> lines) {
        this.query = query;
        this.decoder = new LogDecoder(tty, query.timestamps(), lines);
    }

    LogQuery query() {
        return query;
    }

    LogDecoder decoder() {
        return decoder;
    }

    /** True once a stream has fed it. */
    boolean started() {
        return consumed > 0;
    }

    /**
     * Decodes {@code in} to its end, calling {@code afterRead} after each read. With
     * {@code continuing}, first skips the bytes decoded from earlier streams; returns false when
     * they are not the same bytes (the log changed), having decoded nothing more.
     */
    boolean pump(InputStream in, boolean continuing, Runnable afterRead) throws IOException {
        byte[] buffer = new byte[READ_BUFFER];
        if (continuing && !skipSame(in, buffer)) {
            return false;
        }
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (n > 0) {
                decoder.feed(buffer, 0, n);
                decoded.update(buffer, 0, n);
                consumed += n;
                afterRead.run();
            }
        }
        return true;
    }

    /** Reads past the bytes decoded before; true when they are the same bytes. */
    private boolean skipSame(InputStream in, byte[] buffer) throws IOException {
        CRC32 again = new CRC32();
        long left = consumed;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                return false;
            }
            again.update(buffer, 0, n);
            left -= n;
        }
        return again.getValue() == decoded.getValue();
    }
}
