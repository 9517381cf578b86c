package dev.berth.app.containers;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The engine's status text ({@code docker ps}'s STATUS) in fewer letters, so it fits its column:
 * "Up Less than a second" reads "Up <1 s", "Exited (137) 5 minutes ago" reads "Exited (137) 5 min
 * ago". Only the units are shortened; the words stay the engine's.
 */
final class StatusText {

    private record Rule(Pattern pattern, String replacement) {
    }

    private static final List<Rule> RULES = List.of(
            rule("Less than a second", "<1 s"),
            rule("About a minute", "~1 min"),
            rule("About an hour", "~1 h"),
            rule("(\\d+) seconds?", "$1 s"),
            rule("(\\d+) minutes?", "$1 min"),
            rule("(\\d+) hours?", "$1 h"),
            rule("(\\d+) days?", "$1 d"),
            rule("(\\d+) weeks?", "$1 wk"),
            rule("(\\d+) months?", "$1 mo"),
            rule("(\\d+) years?", "$1 y"));

    private StatusText() {
    }

    private static Rule rule(String regex, String replacement) {
        return new Rule(Pattern.compile("\\b" + regex + "\\b"), replacement);
    }

    static String compact(String status) {
        if (status == null) {
            return null;
        }
        String text = status;
        for (Rule r : RULES) {
            text = r.pattern().matcher(text).replaceAll(r.replacement());
        }
        return text;
    }
}
