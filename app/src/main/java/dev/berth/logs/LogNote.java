package dev.berth.logs;

/**
 * Something that happened to a followed container, shown inline between its log lines.
 *
 * @param kind      what happened
 * @param text      the sentence to show, e.g. "Container exited with code 1"
 * @param timeNanos when Berth noticed it (nanoseconds since the epoch)
 */
public record LogNote(Kind kind, String text, long timeNanos) {

    public enum Kind {
        EXITED, STARTED, REMOVED, ENGINE_LOST, RECONNECTED, TRUNCATED, FAILED;

        /** True when nothing more will follow. */
        public boolean isFinal() {
            return this == REMOVED || this == FAILED;
        }
    }

    static LogNote now(Kind kind, String text) {
        return new LogNote(kind, text, Timestamps.toNanos(java.time.Instant.now()));
    }
}
