package dev.berth.ui.logview;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A compiled search: plain text or a regular expression, with or without case. An invalid
 * expression gives a search that matches nothing and carries the reason.
 */
public final class LogSearch {

    /** No search: nothing matches, nothing is highlighted. */
    public static final LogSearch NONE = new LogSearch("", null, null);

    private final String query;
    private final Pattern pattern;
    private final String error;

    private LogSearch(String query, Pattern pattern, String error) {
        this.query = query;
        this.pattern = pattern;
        this.error = error;
    }

    public static LogSearch of(String query, boolean caseSensitive, boolean regex) {
        if (query == null || query.isEmpty()) {
            return NONE;
        }
        int flags = caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        if (!regex) {
            flags |= Pattern.LITERAL;
        }
        try {
            Pattern pattern = Pattern.compile(query, flags);
            if (pattern.matcher("").matches()) {
                // An expression that matches the empty string would match everywhere and nowhere visible.
                return new LogSearch(query, null, "The expression matches empty text");
            }
            return new LogSearch(query, pattern, null);
        } catch (PatternSyntaxException e) {
            return new LogSearch(query, null, e.getDescription());
        }
    }

    public boolean isActive() {
        return pattern != null;
    }

    public String query() {
        return query;
    }

    /** Why the expression is not valid, or null. */
    public String error() {
        return error;
    }

    public boolean matches(String text) {
        return pattern != null && pattern.matcher(text).find();
    }

    /** How many times it occurs in {@code text}. */
    public int count(String text) {
        if (pattern == null) {
            return 0;
        }
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Start and end of each occurrence, as {@code [s0, e0, s1, e1, ...]}; empty when none. */
    public int[] ranges(String text, int limitChars) {
        if (pattern == null) {
            return EMPTY;
        }
        Matcher m = pattern.matcher(text);
        m.region(0, Math.min(text.length(), limitChars));
        int[] out = EMPTY;
        int n = 0;
        while (m.find()) {
            if (n + 2 > out.length) {
                out = java.util.Arrays.copyOf(out, Math.max(8, out.length * 2));
            }
            out[n++] = m.start();
            out[n++] = m.end();
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    private static final int[] EMPTY = new int[0];
}
