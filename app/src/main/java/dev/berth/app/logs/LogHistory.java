package dev.berth.app.logs;

import dev.berth.engine.LogQuery;
import dev.berth.logs.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How much of a log to load before following: the last N lines, everything, or what was logged
 * since a moment.
 *
 * @param label shown in the history picker
 * @param tail  lines from the end, or {@link LogQuery#ALL}
 * @param since how far back, or null
 * @param from  a fixed start, or null
 */
record LogHistory(String label, int tail, Duration since, Instant from) {

    static final LogHistory LAST_1000 = new LogHistory("Last 1,000 lines", 1000, null, null);

    static final LogHistory[] CHOICES = {
        new LogHistory("Last 100 lines", 100, null, null),
        LAST_1000,
        new LogHistory("Last 10,000 lines", 10_000, null, null),
        new LogHistory("All lines", LogQuery.ALL, null, null),
        new LogHistory("Since 10 minutes ago", LogQuery.ALL, Duration.ofMinutes(10), null),
        new LogHistory("Since 1 hour ago", LogQuery.ALL, Duration.ofHours(1), null),
        new LogHistory("Since 24 hours ago", LogQuery.ALL, Duration.ofHours(24), null),
    };

    /** Not a history itself: picking it asks for a date. */
    static final LogHistory PICK_DATE = new LogHistory("Since a date\u2026", LogQuery.ALL, null, null);

    /** Everything logged since the start of {@code day} (local time). */
    static LogHistory sinceDay(LocalDate day) {
        return new LogHistory("Since " + DateTimeFormatter.ISO_LOCAL_DATE.format(day), LogQuery.ALL, null,
                day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    /** The engine query for following with this history, reckoned from {@code now}. */
    LogQuery query(Instant now) {
        if (this == PICK_DATE) {
            return LAST_1000.query(now);
        }
        if (from != null) {
            return LogQuery.since(Timestamps.toNanos(from));
        }
        if (since != null) {
            return LogQuery.since(Timestamps.toNanos(now.minus(since)));
        }
        return tail == LogQuery.ALL ? LogQuery.all() : LogQuery.tail(tail);
    }

    @Override
    public String toString() {
        return label;
    }
}
