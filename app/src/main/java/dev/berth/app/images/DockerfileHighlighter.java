package dev.berth.app.images;

import dev.berth.ui.codeeditor.Highlighter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Colours a Dockerfile line by line: comments, parser directives, the instruction keyword at the
 * start of an instruction (not on continuation lines), {@code --flags}, quoted strings and
 * {@code $VARIABLES}.
 */
final class DockerfileHighlighter implements Highlighter {

    private static final Set<String> KEYWORDS = Set.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE",
            "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME",
            "WORKDIR", "AS");
    private static final Pattern DIRECTIVE = Pattern.compile("^\\s*#\\s*(syntax|escape|check)\\s*=.*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern TOKEN = Pattern.compile(
            "(?<string>\"(?:\\\\.|[^\"\\\\])*\"?|'[^']*'?)|(?<variable>\\$\\{[^}]*}?|\\$[A-Za-z_][A-Za-z0-9_]*)"
                    + "|(?<flag>(?<=\\s|^)--[a-z-]+(=\\S*)?)|(?<as>(?<=\\s)(?i:as)(?=\\s))");

    @Override
    public List<Span> highlight(String text) {
        List<Span> spans = new ArrayList<>();
        int offset = 0;
        boolean continued = false;
        boolean directives = true;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#")) {
                boolean directive = directives && DIRECTIVE.matcher(line).matches();
                spans.add(new Span(offset, offset + line.length(), directive ? "directive" : "comment"));
            } else {
                if (!trimmed.isEmpty()) {
                    directives = false;
                }
                tokens(line, offset, !continued, spans);
                continued = trimmed.endsWith("\\") || (continued && trimmed.isEmpty());
            }
            offset += line.length() + 1;
        }
        return spans;
    }

    private static void tokens(String line, int offset, boolean instructionStart, List<Span> spans) {
        int from = 0;
        if (instructionStart) {
            int start = 0;
            while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
                start++;
            }
            int end = start;
            while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
                end++;
            }
            if (end > start && KEYWORDS.contains(line.substring(start, end).toUpperCase(Locale.ROOT))) {
                spans.add(new Span(offset + start, offset + end, "keyword"));
            }
            from = end;
        }
        Matcher m = TOKEN.matcher(line);
        m.region(from, line.length());
        m.useTransparentBounds(true);
        while (m.find()) {
            String style = m.group("string") != null ? "string" : m.group("variable") != null ? "variable"
                    : m.group("flag") != null ? "flag" : "keyword";
            spans.add(new Span(offset + m.start(), offset + m.end(), style));
        }
    }
}
