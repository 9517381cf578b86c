package dev.berth.engine;

/**
 * Which part of a container's log to read.
 *
 * @param follow     keep the stream open for new lines (like {@code docker logs -f})
 * @param timestamps prefix every message with its RFC 3339 timestamp
 * @param tail       only the last this many lines, or {@link #ALL}
 * @param sinceNanos only lines logged at or after this instant (nanoseconds since the epoch), or {@link #BEGINNING}
 */
public record LogQuery(boolean follow, boolean timestamps, int tail, long sinceNanos) {

    public static final int ALL = -1;
    public static final long BEGINNING = Long.MIN_VALUE;

    public static LogQuery tail(int lines) {
        return new LogQuery(true, true, lines, BEGINNING);
    }

    public static LogQuery all() {
        return new LogQuery(true, true, ALL, BEGINNING);
    }

    public static LogQuery since(long epochNanos) {
        return new LogQuery(true, true, ALL, epochNanos);
    }

    public LogQuery withFollow(boolean value) {
        return new LogQuery(value, timestamps, tail, sinceNanos);
    }

    public LogQuery withTimestamps(boolean value) {
        return new LogQuery(follow, value, tail, sinceNanos);
    }

    EngineHttp.Query toQuery() {
        EngineHttp.Query q = new EngineHttp.Query().add("stdout", "1").add("stderr", "1")
                .add("follow", follow ? "1" : "0")
                .add("timestamps", timestamps ? "1" : "0")
                .add("tail", tail < 0 ? "all" : Integer.toString(tail));
        if (sinceNanos != BEGINNING) {
            long seconds = Math.floorDiv(sinceNanos, 1_000_000_000L);
            long nanos = Math.floorMod(sinceNanos, 1_000_000_000L);
            q.add("since", seconds + "." + String.format("%09d", nanos));
        }
        return q;
    }
}
