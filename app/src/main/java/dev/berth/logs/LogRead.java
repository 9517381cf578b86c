package dev.berth.logs;

import dev.berth.engine.LogQuery;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * One log query's decoding, fed by one engine stream or, after breaks, by several: the same query
 * bounded by since and until returns the same bytes, so a new stream skips what was decoded and
 * the decoder goes on as if nothing had happened.
 */
final class LogRead {

    private static final int READ_BUFFER = 64 * 1024;

    private final LogQuery query;
    private final LogDecoder decoder;
    /** Bytes of the engine's stream decoded so far. */
    private long consumed;

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
     * {@code continuing}, first skips the bytes decoded from earlier streams.
     */
    void pump(InputStream in, boolean continuing, Runnable afterRead) throws IOException {
        if (continuing) {
            try {
                in.skipNBytes(consumed);
            } catch (EOFException e) {
                return; // shorter than before: the engine rotated the log away meanwhile
            }
        }
        byte[] buffer = new byte[READ_BUFFER];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (n > 0) {
                consumed += n;
                decoder.feed(buffer, 0, n);
                afterRead.run();
            }
        }
    }
}
