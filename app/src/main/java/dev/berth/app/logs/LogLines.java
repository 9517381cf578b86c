package dev.berth.app.logs;

import dev.berth.logs.LogEntry;
import dev.berth.logs.LogNote;
import dev.berth.logs.SgrStyle;
import dev.berth.logs.StreamKind;
import dev.berth.logs.StyledText;
import dev.berth.ui.logview.LogLine;
import dev.berth.ui.logview.LogSource;
import dev.berth.ui.logview.SpanStyle;
import dev.berth.ui.logview.TermColor;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns decoded log entries into the log view's lines. Styles are converted once per distinct
 * ANSI style and shared, so a log of a million coloured lines holds a handful of style objects.
 * Not thread-safe: one per stream reader.
 */
final class LogLines {

    private final Map<Long, SpanStyle> styles = new HashMap<>();

    LogLine line(LogEntry entry, LogSource source) {
        StyledText text = entry.text();
        LogLine.Builder b = LogLine.builder(text.text())
                .time(entry.hasTime() ? entry.timeNanos() : LogLine.NO_TIME)
                .omitted(entry.omittedChars())
                .source(source);
        if (entry.stream() == StreamKind.STDERR || entry.stream() == StreamKind.SYSTEM) {
            b.error();
        }
        for (int i = 0; i < text.runCount(); i++) {
            b.style(text.runStart(i), span(text.runStyle(i)));
        }
        return b.build();
    }

    static LogLine note(LogNote note, LogSource source) {
        String text = source == null ? note.text() : source.name() + ": " + note.text();
        return LogLine.builder(text).kind(LogLine.Kind.NOTE).time(note.timeNanos()).build();
    }

    private SpanStyle span(long sgr) {
        if (sgr == SgrStyle.PLAIN) {
            return SpanStyle.PLAIN;
        }
        return styles.computeIfAbsent(sgr, s -> new SpanStyle(color(SgrStyle.foreground(s)),
                color(SgrStyle.background(s)), SgrStyle.has(s, SgrStyle.BOLD), SgrStyle.has(s, SgrStyle.DIM),
                SgrStyle.has(s, SgrStyle.ITALIC), SgrStyle.has(s, SgrStyle.UNDERLINE),
                SgrStyle.has(s, SgrStyle.STRIKETHROUGH), SgrStyle.has(s, SgrStyle.INVERSE),
                SgrStyle.has(s, SgrStyle.HIDDEN)));
    }

    private static TermColor color(int sgrColor) {
        if (SgrStyle.isIndexed(sgrColor)) {
            return TermColor.indexed(SgrStyle.index(sgrColor));
        }
        if (SgrStyle.isRgb(sgrColor)) {
            return TermColor.rgb(SgrStyle.rgbValue(sgrColor));
        }
        return null;
    }
}
