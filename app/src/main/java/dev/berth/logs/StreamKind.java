package dev.berth.logs;

/** Which output a log line came from, as the engine's multiplexed stream labels it. */
public enum StreamKind {
    STDIN, STDOUT, STDERR,
    /** The engine's own error about the stream (frame type 3), not the container's output. */
    SYSTEM;

    /** The stream type byte of a multiplexed frame header, or null for an unknown type. */
    static StreamKind ofFrameType(int type) {
        return switch (type) {
            case 0 -> STDIN;
            case 1 -> STDOUT;
            case 2 -> STDERR;
            case 3 -> SYSTEM;
            default -> null;
        };
    }
}
