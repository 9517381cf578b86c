package dev.berth.ui.filetree;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What the filter box means: plain text matches anywhere in the path, ignoring case
 * ({@code nginx}); text with {@code *}, {@code ?} or {@code [} is a glob ({@code *.so},
 * {@code /usr/lib/**}). A glob without a slash matches the name, as in {@code .gitignore}; one with
 * a slash matches the whole path. {@code *} stays within one folder, {@code **} crosses folders.
 */
public final class PathFilter implements Predicate<String> {

    private final Pattern glob;
    private final String text;
    private final boolean byName;

    private PathFilter(Pattern glob, String text, boolean byName) {
        this.glob = glob;
        this.text = text;
        this.byName = byName;
    }

    /** A filter for what the user typed; blank matches everything. */
    public static PathFilter of(String typed) {
        String t = typed == null ? "" : typed.strip();
        if (t.chars().anyMatch(c -> c == '*' || c == '?' || c == '[')) {
            boolean byName = t.indexOf('/') < 0;
            String anchored = byName || t.startsWith("/") ? t : "/" + t;
            return new PathFilter(Pattern.compile(toRegex(anchored)), null, byName);
        }
        return new PathFilter(null, t.toLowerCase(Locale.ROOT), false);
    }

    public boolean matchesAll() {
        return glob == null && text.isEmpty();
    }

    /** @param path an absolute path such as {@code /usr/bin/env} */
    @Override
    public boolean test(String path) {
        if (glob != null) {
            String subject = byName ? path.substring(path.lastIndexOf('/') + 1) : path;
            return glob.matcher(subject).matches();
        }
        return text.isEmpty() || path.toLowerCase(Locale.ROOT).contains(text);
    }

    static String toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        re.append(".*");
                        i++;
                    } else {
                        re.append("[^/]*");
                    }
                }
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        re.append("\\[");
                    } else {
                        String set = glob.substring(i + 1, end).replace("\\", "\\\\");
                        re.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                        i = end;
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }
}
