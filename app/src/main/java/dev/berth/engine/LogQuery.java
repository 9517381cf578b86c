package dev.berth.engine;

/**
 * Which part of a container's log to read.
 *
 * @param follow     keep the stream open for new lines (like {@code docker logs -f})
 * @param timestamps prefix every message with its RFC 3339 timestamp
 * @param tail       only the last this many lines, or {@link #ALL}
 * @param sinceNanos only lines logged at or after this instant (nanoseconds since the epoch), or {@link #BEGINNING}
 * @param untilNanos only lines logged at or before this instant, or {@link #LATEST}
 */
public record LogQuery(boolean follow, boolean timestamps, int tail, long sinceNanos, long untilNanos) {

    public static final int ALL = -1;
    public static final long BEGINNING = Long.MIN_VALUE;
    public static final long LATEST = Long.MAX_VALUE;

    public static LogQuery tail(int lines) {
        return new LogQuery(true, true, lines, BEGINNING, LATEST);
    }

    public static LogQuery all() {
        return new LogQuery(true, true, ALL, BEGINNING, LATEST);
    }

    public static LogQuery since(long epochNanos) {
        return new LogQuery(true, true, ALL, epochNanos, LATEST);
    }

    public LogQuery withFollow(boolean value) {
        return new LogQuery(value, timestamps, tail, sinceNanos, untilNanos);
    }

    public LogQuery withTimestamps(boolean value) {
        return new LogQuery(follow, value, tail, sinceNanos, untilNanos);
    }

    public LogQuery withTail(int lines) {
        return new LogQuery(follow, timestamps, lines, sinceNanos, untilNanos);
    }

    public LogQuery withSince(long epochNanos) {
        return new LogQuery(follow, timestamps, tail, epochNanos, untilNanos);
    }

    public LogQuery withUntil(long epochNanos) {
        return new LogQuery(follow, timestamps, tail, sinceNanos, epochNanos);
    }

    EngineHttp.Query toQuery() {
        EngineHttp.Query q = new EngineHttp.Query().add("stdout", "1").add("stderr", "1")
                .add("follow", follow ? "1" : "0")
                .add("timestamps", timestamps ? "1" : "0")
                .add("tail", tail < 0 ? "all" : Integer.toString(tail));
        if (sinceNanos != BEGINNING) {
            q.add("since", seconds(sinceNanos));
        }
        if (untilNanos != LATEST) {
            q.add("until", seconds(untilNanos));
        }
        return q;
    }

    /** The engine's form of an instant: seconds since the epoch, with nine decimals. */
    private static String seconds(long epochNanos) {
        long seconds = Math.floorDiv(epochNanos, 1_000_000_000L);
        long nanos = Math.floorMod(epochNanos, 1_000_000_000L);
        return seconds + "." + String.format("%09d", nanos);
    }
}
