package dev.berth.app.compose;

import dev.berth.ui.codeeditor.Highlighter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Colours a compose file line by line: mapping keys, quoted strings, {@code ${VARIABLES}} and
 * comments. A lexer for the common shapes, not a YAML parser: the parser reports real problems.
 */
final class YamlHighlighter implements Highlighter {

    private static final Pattern KEY = Pattern.compile("^(\\s*(?:-\\s+)?)([^\\s#'\"{\\[][^:#]*?|\"[^\"]*\"|'[^']*')\\s*:(?=\\s|$)");
    private static final Pattern TOKEN = Pattern.compile(
            "(?<string>\"(?:\\\\.|[^\"\\\\])*\"?|'[^']*'?)|(?<variable>\\$\\{[^}]*}?|\\$[A-Za-z_][A-Za-z0-9_]*)"
                    + "|(?<comment>(?<=^|\\s)#.*$)");

    @Override
    public List<Span> highlight(String text) {
        List<Span> spans = new ArrayList<>();
        int offset = 0;
        for (String line : text.split("\n", -1)) {
            int from = 0;
            Matcher key = KEY.matcher(line);
            if (key.find()) {
                spans.add(new Span(offset + key.start(2), offset + key.end(2), "keyword"));
                from = key.end();
            }
            Matcher m = TOKEN.matcher(line);
            m.region(from, line.length());
            m.useTransparentBounds(true);
            while (m.find()) {
                String style = m.group("string") != null ? "string" : m.group("variable") != null ? "variable"
                        : "comment";
                spans.add(new Span(offset + m.start(), offset + m.end(), style));
                if (style.equals("comment")) {
                    break;
                }
            }
            offset += line.length() + 1;
        }
        return spans;
    }
}
