package dev.berth.ui.logview;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How a line reads as plain text: for copying, saving, and the view's own prefixes. */
final class LineFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private LineFormat() {
    }

    /** "2024-05-01 12:34:56.789 " in local time, or "" for a line without a time. */
    static String time(LogLine line) {
        if (!line.hasTime()) {
            return "";
        }
        long nanos = line.timeNanos();
        return TIME.format(Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
                Math.floorMod(nanos, 1_000_000_000L))) + " ";
    }

    /** "web  | " with the name padded to {@code width}, or "" without a source. */
    static String source(LogLine line, int width) {
        if (line.source() == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(width + 3).append(line.source().name());
        while (b.length() < width) {
            b.append(' ');
        }
        return b.append(" | ").toString();
    }

    /** "… 3,145,728 more characters" for text cut at {@code shownChars}, or "" when nothing is cut. */
    static String truncationMarker(LogLine line, int shownChars) {
        long more = Math.max(0, line.text().length() - shownChars) + line.omittedChars();
        return more == 0 ? "" : String.format(" \u2026 [%,d more characters]", more);
    }

    static String plain(LogLine line, boolean withTime, int sourceWidth) {
        String body = line.kind() == LogLine.Kind.NOTE ? "--- " + line.text() + " ---" : line.text();
        return (withTime ? time(line) : "") + source(line, sourceWidth) + body
                + truncationMarker(line, line.text().length());
    }
}
