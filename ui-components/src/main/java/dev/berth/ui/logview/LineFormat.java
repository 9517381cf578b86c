package dev.berth.ui.logview;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

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

    /** Lines as text, one per line. */
    static String plain(List<LogLine> lines, boolean withTime, int sourceWidth) {
        StringBuilder b = new StringBuilder();
        for (LogLine line : lines) {
            b.append(plain(line, withTime, sourceWidth)).append('\n');
        }
        return b.toString();
    }

    /** Writes the lines to {@code file} on a background thread; completes with how many were written. */
    static CompletableFuture<Integer> save(List<LogLine> lines, Path file,
                                                                boolean withTime, int sourceWidth) {
        return CompletableFuture.supplyAsync(() -> {
            try (BufferedWriter out = Files.newBufferedWriter(file,
                    StandardCharsets.UTF_8)) {
                for (LogLine line : lines) {
                    out.write(plain(line, withTime, sourceWidth));
                    out.newLine();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return lines.size();
        }, SAVER);
    }

    private static final Executor SAVER = runnable -> {
        Thread t = new Thread(runnable, "berth-logview-save");
        t.setDaemon(true);
        t.start();
    };

    static String plain(LogLine line, boolean withTime, int sourceWidth) {
        String body = line.kind() == LogLine.Kind.NOTE ? "--- " + line.text() + " ---" : line.text();
        return (withTime ? time(line) : "") + source(line, sourceWidth) + body
                + truncationMarker(line, line.text().length());
    }
}
