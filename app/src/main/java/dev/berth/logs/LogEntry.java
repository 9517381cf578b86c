package dev.berth.logs;

/**
 * One decoded log line.
 *
 * @param stream       stdout, stderr, or the engine's own error
 * @param timeNanos    when the engine logged it (nanoseconds since the epoch), or {@link Timestamps#NONE}
 * @param text         the visible text with its ANSI styles
 * @param omittedChars characters cut off the end because the line was longer than the limit
 */
public record LogEntry(StreamKind stream, long timeNanos, StyledText text, long omittedChars) {

    public boolean hasTime() {
        return timeNanos != Timestamps.NONE;
    }

    public boolean isStderr() {
        return stream == StreamKind.STDERR;
    }
}
